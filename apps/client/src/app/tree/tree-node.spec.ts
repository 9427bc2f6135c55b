import { DeferBlockState, TestBed } from '@angular/core/testing';
import { nodeKey } from './node-key';
import { RowAction } from './row-action';
import { TreeNode } from './tree-node';
import { TreeNodeView } from './tree-node-view';

const department: TreeNodeView = {
  key: nodeKey({ kind: 'department', departmentId: 'd1' }),
  id: 'd1',
  level: 1,
  kind: 'departments',
  name: 'Sales',
  loading: false,
  position: 2,
  siblings: 5,
  expanded: false,
  childCount: 3,
  departmentId: 'd1',
};

const doc: TreeNodeView = {
  key: nodeKey({ kind: 'child', departmentId: 'd1', index: 0 }),
  id: 'docs:a',
  level: 2,
  kind: 'docs',
  name: 'Plan',
  loading: false,
  position: 1,
  siblings: 3,
  departmentId: 'd1',
};

/** Renders a row, with its actions (added once the browser is idle) unless `idle` is false. */
async function render(node: TreeNodeView, editing = false, editable = true, idle = true) {
  const fixture = TestBed.createComponent(TreeNode);
  fixture.componentRef.setInput('node', node);
  fixture.componentRef.setInput('editing', editing);
  fixture.componentRef.setInput('editable', editable);
  await fixture.whenStable();
  if (idle) {
    for (const block of await fixture.getDeferBlocks()) {
      await block.render(DeferBlockState.Complete);
    }
  }
  const host = fixture.nativeElement as HTMLElement;
  const button = (label: string) =>
    host.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement | null;
  const actions: RowAction[] = [];
  fixture.componentInstance.rowAction.subscribe((action) => actions.push(action));
  return { fixture, host, button, actions };
}

describe('TreeNode', () => {
  it('is a level-1 treeitem named after the department, with its place among its siblings', async () => {
    const { host } = await render(department);
    expect(host.getAttribute('role')).toBe('treeitem');
    expect(host.getAttribute('aria-level')).toBe('1');
    expect(host.getAttribute('aria-label')).toBe('Sales');
    expect(host.getAttribute('aria-posinset')).toBe('2');
    expect(host.getAttribute('aria-setsize')).toBe('5');
    expect(host.getAttribute('aria-expanded')).toBe('false');
  });

  it('is the tree’s tab stop (tabindex 0) only while active, and focuses its own row', async () => {
    const { fixture, host } = await render(department);
    expect(host.getAttribute('tabindex')).toBe('-1');
    fixture.componentRef.setInput('active', true);
    await fixture.whenStable();
    expect(host.getAttribute('tabindex')).toBe('0');
    fixture.componentInstance.focus();
    expect(document.activeElement).toBe(host);
  });

  it('offers Expand, Edit, Add and Delete on a department', async () => {
    const { button } = await render(department);
    for (const label of ['Expand', 'Edit', 'Add', 'Delete']) {
      expect(button(label)).not.toBeNull();
    }
  });

  it('shows its name before its actions, which are added once the browser is idle', async () => {
    const { host, button } = await render(department, false, true, false);
    expect(host.getAttribute('aria-label')).toBe('Sales');
    expect(host.getAttribute('aria-busy')).toBeNull();
    expect(host.querySelector('.name')?.textContent?.trim()).toBe('Sales');
    expect(button('Expand')).not.toBeNull();
    expect(button('Edit')).toBeNull();
  });

  it('says Collapse once expanded, and asks to collapse (or expand) when clicked', async () => {
    const { fixture, button, host, actions } = await render({ ...department, expanded: true });
    button('Collapse')?.click();
    expect(actions).toEqual([{ kind: 'collapse' }]);
    expect(host.getAttribute('aria-expanded')).toBe('true');
    fixture.componentRef.setInput('node', department);
    await fixture.whenStable();
    button('Expand')?.click();
    expect(actions).toEqual([{ kind: 'collapse' }, { kind: 'expand' }]);
  });

  it('is a level-2 treeitem with the icon of its kind, Edit and Delete but no Add', async () => {
    const { host, button } = await render(doc);
    expect(host.getAttribute('aria-level')).toBe('2');
    expect(host.getAttribute('aria-label')).toBe('Plan');
    expect(host.getAttribute('aria-expanded')).toBeNull();
    expect(host.querySelector('mat-icon.kind')?.textContent?.trim()).toBe('description');
    expect(button('Edit')).not.toBeNull();
    expect(button('Delete')).not.toBeNull();
    expect(button('Add')).toBeNull();
  });

  it('asks to edit (button or double click) and to delete', async () => {
    const { button, host, actions } = await render(doc);
    button('Edit')?.click();
    host.querySelector('.name')?.dispatchEvent(new MouseEvent('dblclick'));
    button('Delete')?.click();
    expect(actions).toEqual([{ kind: 'edit' }, { kind: 'edit' }, { kind: 'delete' }]);
  });

  it('shows the Name editor instead of the name and actions while editing', async () => {
    const { host, button } = await render(doc, true);
    expect(host.querySelector('input[aria-label="Name"]')).not.toBeNull();
    expect(button('Edit')).toBeNull();
    expect(host.querySelector('.name')).toBeNull();
  });

  it('asks to rename with the saved name, and to close the editor on Escape', async () => {
    const { host, actions } = await render(doc, true);
    const box = host.querySelector('input[aria-label="Name"]') as HTMLInputElement;
    box.value = 'Roadmap';
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(actions).toEqual([{ kind: 'rename', name: 'Roadmap' }, { kind: 'cancel' }]);
  });

  it('offers every child kind in the Add menu', async () => {
    const { fixture, button, actions } = await render(department);
    button('Add')?.click();
    await fixture.whenStable();
    const items = [...document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')];
    expect(items.map((item) => item.querySelector('.kind-label')?.textContent?.trim())).toEqual([
      'Doc',
      'Folder',
      'List',
      'Sprint folder',
    ]);
    items[2].click();
    expect(actions).toEqual([{ kind: 'add', table: 'lists' }]);
  });

  it('offers no Edit, Add or Delete, and no double-click edit, on a row the user may not change', async () => {
    const { host, button, actions } = await render(department, true, false);
    expect(['Edit', 'Add', 'Delete'].map(button)).toEqual([null, null, null]);
    expect(button('Expand')).not.toBeNull();
    expect(host.querySelector('input[aria-label="Name"]')).toBeNull();
    host.querySelector('.name')?.dispatchEvent(new MouseEvent('dblclick'));
    expect(actions).toEqual([]);
  });

  it('draws a busy skeleton row while loading', async () => {
    const { host, button } = await render({
      ...doc,
      loading: true,
      name: '',
      id: '',
      kind: undefined,
    });
    expect(host.getAttribute('aria-busy')).toBe('true');
    expect(host.getAttribute('aria-label')).toBe('Loading');
    expect(host.querySelector('.skeleton')).not.toBeNull();
    expect(button('Edit')).toBeNull();
  });
});
