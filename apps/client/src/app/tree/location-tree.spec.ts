import { sessionUser } from '../auth/auth.testing';
import { removeOverlays, renderLocationTree } from './location-tree.testing';

describe('LocationTree', () => {
  afterEach(removeOverlays);

  it('shows the selected location’s departments as level-1 items of a tree', async () => {
    const { host } = await renderLocationTree();
    expect(host.querySelector('[role="tree"]')).not.toBeNull();
    const items = [...host.querySelectorAll('[role="treeitem"]')].map((item) => [
      item.getAttribute('aria-label'),
      item.getAttribute('aria-level'),
    ]);
    expect(items).toEqual([
      ['sales', '1'],
      ['empty', '1'],
    ]);
  });

  it('renames a department by assigning its name, and edits one row at a time', async () => {
    const { item, click, nameBox, saveName, sales } = await renderLocationTree();
    await click(item('sales'), 'Edit');
    expect(nameBox()?.value).toBe('sales');
    await saveName('Sales EMEA');
    expect(sales.name).toBe('Sales EMEA');
    expect(nameBox()).toBeNull();
  });

  it('opens one editor at a time, the location’s or a row’s', async () => {
    const { host, item, click, group } = await renderLocationTree();
    const editors = () => host.querySelectorAll('input[aria-label="Name"]').length;
    await click(group(), 'Edit');
    await click(item('sales'), 'Edit');
    expect(editors()).toBe(1);
    expect(item('sales').querySelector('input[aria-label="Name"]')).not.toBeNull();
    await click(group(), 'Edit');
    expect(editors()).toBe(1);
    expect(group().querySelector('input[aria-label="Name"]')).not.toBeNull();
  });

  it('deletes a department without children straight away', async () => {
    const { item, click, empty, dialog } = await renderLocationTree();
    await click(item('empty'), 'Delete');
    expect(empty.delete).toHaveBeenCalled();
    expect(dialog()).toBeUndefined();
  });

  it('asks before deleting a department with children, and deletes only when confirmed', async () => {
    const { item, click, settle, sales, dialog } = await renderLocationTree();
    await click(item('sales'), 'Delete');
    expect(dialog()?.textContent).toContain('1 child;');
    (dialog()?.querySelector('button:first-of-type') as HTMLButtonElement).click();
    await settle();
    expect(sales.delete).not.toHaveBeenCalled();

    await click(item('sales'), 'Delete');
    const confirm = [...(dialog()?.querySelectorAll('button') ?? [])].find(
      (button) => button.textContent?.trim() === 'Delete',
    );
    confirm?.click();
    await settle();
    expect(sales.delete).toHaveBeenCalledTimes(1);
  });

  it('deletes a child row without asking', async () => {
    const { item, click, sales } = await renderLocationTree();
    await click(item('sales'), 'Expand');
    await click(item('Plan'), 'Delete');
    expect(sales.children[0].delete).toHaveBeenCalled();
  });

  it('renames and deletes the selected location', async () => {
    const { group, click, saveName, paris, dialog } = await renderLocationTree();
    await click(group(), 'Edit');
    await saveName('Paris Nord');
    expect(paris.name).toBe('Paris Nord');

    await click(group(), 'Delete');
    expect(dialog()?.textContent).toContain('2 departments');
  });

  describe('per-location rights', () => {
    const buttons = (element: Element | null) =>
      [...(element?.querySelectorAll('button[aria-label]') ?? [])].map((button) =>
        button.getAttribute('aria-label'),
      );

    it('shows a viewer no edit, add or delete controls for the location or anything under it', async () => {
      const { group, item, click, host, settle, sales, dialog } = await renderLocationTree(
        sessionUser('carol', { paris: 'viewer' }),
      );
      expect(buttons(group())).toEqual([]);
      expect(buttons(item('sales'))).toEqual(['Expand']);
      expect(buttons(item('empty'))).toEqual([]);
      await click(item('sales'), 'Expand');
      expect(buttons(item('Plan'))).toEqual([]);

      for (const key of ['Enter', 'F2', 'Delete']) {
        item('sales').dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
      item('sales').querySelector('.name')?.dispatchEvent(new MouseEvent('dblclick'));
      await settle();
      expect(host.querySelector('input[aria-label="Name"]')).toBeNull();
      expect(dialog()).toBeUndefined();
      expect(sales.delete).not.toHaveBeenCalled();
    });

    it('shows an editor who is not an admin everything but adding and deleting locations', async () => {
      const { group, item } = await renderLocationTree(sessionUser('bob', { paris: 'editor' }));
      expect(buttons(group())).toEqual(['Edit', 'Add department']);
      expect(buttons(item('sales'))).toEqual(['Expand', 'Edit', 'Add', 'Delete']);
    });

    it('shows an admin every control, adding and deleting locations too', async () => {
      const { group } = await renderLocationTree();
      expect(buttons(group())).toEqual(['Edit', 'Delete', 'Add location', 'Add department']);
    });
  });
});
