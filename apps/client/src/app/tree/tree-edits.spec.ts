import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { SessionUser } from '@smart-sync/shared-types/mini';
import { fakeAuth, sessionUser } from '../auth/auth.testing';
import { AddOutcomes } from '../entities/add-outcomes';
import { RenameConflicts } from '../entities/rename-conflicts';
import { fakeDepartment, fakeEntities, fakeLocation, FakeRow } from './fake-entities.testing';
import { LocationTreeState } from './location-tree-state';
import { NewRows } from './new-rows';
import { nodeKey } from './node-key';
import { TreeEdits } from './tree-edits';

describe('TreeEdits', () => {
  function setup(user?: SessionUser) {
    const fake = fakeEntities();
    const paris = fakeLocation('paris', [fakeDepartment('sales'), fakeDepartment('empty')]);
    fake.load(paris);
    TestBed.configureTestingModule({
      providers: [
        fake.provider,
        fakeAuth(user).provider,
        LocationTreeState,
        NewRows,
        TreeEdits,
        { provide: AddOutcomes, useValue: { outcome: new Subject() } },
      ],
    });
    const state = TestBed.inject(LocationTreeState);
    const node = (index: number) => ({ kind: 'node', node: state.nodes()[index] }) as const;
    return { fake, paris, state, node, edits: TestBed.inject(TreeEdits) };
  }

  it('edits one thing at a time: the location or one row, never both', () => {
    const { edits, node } = setup();
    const editing = () => [edits.editingLocation(), edits.editingRowId()];
    expect(editing()).toEqual([false, null]);
    edits.apply({ kind: 'location' }, { kind: 'edit' });
    expect(editing()).toEqual([true, null]);
    edits.apply(node(1), { kind: 'edit' });
    expect(editing()).toEqual([false, 'empty']);
    edits.apply({ kind: 'location' }, { kind: 'edit' });
    expect(editing()).toEqual([true, null]);
    edits.apply({ kind: 'location' }, { kind: 'cancel' });
    expect(edits.editing()).toEqual({ kind: 'nothing' });
  });

  it('renames a row, closes its editor and gives focus back to it; the location needs none', () => {
    const { edits, node, paris } = setup();
    edits.apply(node(1), { kind: 'edit' });
    expect(edits.apply(node(1), { kind: 'rename', name: 'Support' })).toEqual({
      kind: 'focus',
      index: 1,
    });
    expect(paris.departments[1].name).toBe('Support');
    expect(edits.editingRowId()).toBeNull();
    expect(edits.apply({ kind: 'location' }, { kind: 'rename', name: 'Paris' })).toBeUndefined();
    expect(paris.name).toBe('Paris');
  });

  it('makes a rename from the version the row had when its editor opened', () => {
    const { edits, node, paris } = setup();
    const versions = TestBed.inject(RenameConflicts);
    const empty = paris.departments[1] as FakeRow & { version?: number };
    empty.version = 4;
    edits.apply(node(1), { kind: 'edit' });
    empty.version = 5; // a socket message brought someone else's rename meanwhile
    edits.apply(node(1), { kind: 'rename', name: 'Support' });
    expect(versions.versionOf({ id: 'empty', version: 5 })).toBe(4);
    expect(versions.versionOf({ id: 'empty', version: 5 })).toBe(5);
  });

  it('opens the editor again with the typed name when someone else renamed the row meanwhile', () => {
    const { edits, node, paris } = setup();
    const conflicts = TestBed.inject(RenameConflicts);
    conflicts.report({ id: 'empty', name: 'Mine', version: 6 });
    expect(edits.editing()).toEqual({ kind: 'row', id: 'empty', version: 6, draft: 'Mine' });
    expect(edits.draft()).toBe('Mine');
    edits.apply(node(1), { kind: 'rename', name: 'Mine' });
    expect(paris.departments[1].name).toBe('Mine');
    expect(conflicts.versionOf({ id: 'empty', version: 7 })).toBe(6);
    expect(edits.draft()).toBeUndefined();

    conflicts.report({ id: 'paris', name: 'Lutetia', version: 3 });
    expect(edits.editingLocation()).toBe(true);
    expect(edits.draft()).toBe('Lutetia');
    // Not over another open editor: that one keeps its text.
    conflicts.report({ id: 'sales', name: 'Lost', version: 2 });
    expect(edits.editingLocation()).toBe(true);
    expect(edits.draft()).toBe('Lutetia');
  });

  it('opens a new department in the editor, and focuses the row above once it is discarded', () => {
    const { edits, node, fake, paris } = setup();
    paris.departments.addToStore.mockImplementation((row: { id: string; name: string }) => {
      paris.departments.push({ ...fakeDepartment(row.id), ...row });
      fake.load({ ...paris });
    });
    const reveal = edits.addDepartment();
    const tempId = edits.editingRowId() ?? '';
    expect(reveal).toEqual({
      kind: 'reveal',
      key: nodeKey({ kind: 'department', departmentId: tempId }),
    });
    expect(edits.apply(node(2), { kind: 'cancel' })).toEqual({ kind: 'focus', index: 1 });
    expect(paris.departments.removeFromStore).toHaveBeenCalled();
    expect(edits.apply(node(0), { kind: 'cancel' })).toEqual({ kind: 'focus', index: 0 });
  });

  it('ignores what a viewer’s rights do not allow, but lets them look around', () => {
    const { edits, node, paris, state } = setup(sessionUser('carol', { paris: 'viewer' }));
    edits.apply(node(0), { kind: 'edit' });
    edits.apply({ kind: 'location' }, { kind: 'edit' });
    expect(edits.editing()).toEqual({ kind: 'nothing' });
    edits.apply(node(0), { kind: 'rename', name: 'x' });
    edits.apply(node(1), { kind: 'delete' });
    edits.apply(node(0), { kind: 'add', table: 'docs' });
    edits.apply({ kind: 'location' }, { kind: 'add', table: 'departments' });
    expect(paris.departments.map((department) => department.name)).toEqual(['sales', 'empty']);
    expect(paris.departments[1].delete).not.toHaveBeenCalled();
    expect(paris.departments.addToStore).not.toHaveBeenCalled();
    edits.apply(node(0), { kind: 'expand' });
    expect(state.expanded().has('sales')).toBe(true);
  });
});
