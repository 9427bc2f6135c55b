import { ADMIN, sessionUser } from '../auth/auth.testing';
import { allows, NO_RIGHTS, treeRights } from './tree-rights';

describe('treeRights', () => {
  const bob = sessionUser('bob', { l1: 'editor', l2: 'viewer' });

  it('lets an editor change the location and everything under it, a viewer nothing', () => {
    expect(treeRights(bob, 'l1')).toEqual({ edit: true, manageLocations: false });
    expect(treeRights(bob, 'l2')).toEqual({ edit: false, manageLocations: false });
    expect(treeRights(bob, 'l3')).toEqual({ edit: false, manageLocations: false });
  });

  it('lets an admin change everything and manage locations, even with none shown', () => {
    expect(treeRights(ADMIN, 'l1')).toEqual({ edit: true, manageLocations: true });
    expect(treeRights(ADMIN, undefined)).toEqual({ edit: false, manageLocations: true });
  });

  it('gives nobody signed in no rights', () => {
    expect(treeRights(null, 'l1')).toEqual(NO_RIGHTS);
    expect(treeRights(undefined, 'l1')).toEqual(NO_RIGHTS);
  });
});

describe('allows', () => {
  const location = { kind: 'location' } as const;
  const row = { kind: 'node' } as const;
  const editor = { edit: true, manageLocations: false };
  const admin = { edit: true, manageLocations: true };

  it('always allows looking around', () => {
    for (const kind of ['cancel', 'expand', 'collapse'] as const) {
      expect(allows(NO_RIGHTS, row, { kind })).toBe(true);
    }
  });

  it('allows renaming, adding under and deleting rows to editors only', () => {
    for (const rights of [NO_RIGHTS, editor]) {
      expect(allows(rights, row, { kind: 'edit' })).toBe(rights.edit);
      expect(allows(rights, row, { kind: 'rename', name: 'x' })).toBe(rights.edit);
      expect(allows(rights, row, { kind: 'delete' })).toBe(rights.edit);
      expect(allows(rights, row, { kind: 'add', table: 'docs' })).toBe(rights.edit);
      expect(allows(rights, location, { kind: 'edit' })).toBe(rights.edit);
      expect(allows(rights, location, { kind: 'add', table: 'departments' })).toBe(rights.edit);
    }
  });

  it('allows adding and deleting locations to admins only', () => {
    expect(allows(editor, location, { kind: 'delete' })).toBe(false);
    expect(allows(editor, location, { kind: 'add', table: 'locations' })).toBe(false);
    expect(allows(admin, location, { kind: 'delete' })).toBe(true);
    expect(allows(admin, location, { kind: 'add', table: 'locations' })).toBe(true);
  });
});
