import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { SessionUser } from '@smart-sync/shared-types/mini';
import { fakeAuth, sessionUser } from '../auth/auth.testing';
import { AddOutcomes } from '../entities/add-outcomes';
import { fakeDepartment, fakeEntities, fakeLocation } from './fake-entities.testing';
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
