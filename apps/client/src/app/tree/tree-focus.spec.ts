import { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { fakeDepartment, fakeLocation } from './fake-entities.testing';
import { removeOverlays, renderLocationTree } from './location-tree.testing';

/** The tree's focus (WAI-ARIA tree, roving tabindex), driven by keys as the container applies them. */
describe('TreeFocus', () => {
  afterEach(removeOverlays);

  async function renderWithKeys() {
    const context = await renderLocationTree();
    const { host, settle } = context;
    const items = () => [...host.querySelectorAll<HTMLElement>('[role="treeitem"]')];
    const tabStops = () =>
      items()
        .filter((item) => item.getAttribute('tabindex') === '0')
        .map((item) => item.getAttribute('aria-label'));
    const focused = () => document.activeElement?.getAttribute('aria-label');
    const key = async (target: Element | null, name: string) => {
      target?.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
      await settle();
    };
    return { ...context, items, tabStops, focused, key };
  }

  it('makes the first row the one tab stop, the others tabindex -1', async () => {
    const { items, tabStops } = await renderWithKeys();
    expect(tabStops()).toEqual(['sales']);
    expect(items().map((item) => item.getAttribute('tabindex'))).toEqual(['0', '-1']);
  });

  it('moves focus and the tab stop with ArrowDown, ArrowUp, End and Home', async () => {
    const { item, tabStops, focused, key } = await renderWithKeys();
    item('sales').focus();
    await key(item('sales'), 'ArrowDown');
    expect(focused()).toBe('empty');
    expect(tabStops()).toEqual(['empty']);
    await key(item('empty'), 'ArrowDown');
    expect(focused()).toBe('empty');
    await key(item('empty'), 'ArrowUp');
    expect(focused()).toBe('sales');
    await key(item('sales'), 'End');
    expect(tabStops()).toEqual(['empty']);
    await key(item('empty'), 'Home');
    expect(focused()).toBe('sales');
    expect(tabStops()).toEqual(['sales']);
  });

  it('expands with ArrowRight and enters the department; ArrowLeft goes back and collapses', async () => {
    const { item, focused, key } = await renderWithKeys();
    await key(item('sales'), 'ArrowRight');
    expect(item('sales').getAttribute('aria-expanded')).toBe('true');
    expect(item('Plan')).not.toBeNull();
    await key(item('sales'), 'ArrowRight');
    expect(focused()).toBe('Plan');
    await key(item('Plan'), 'ArrowLeft');
    expect(focused()).toBe('sales');
    await key(item('sales'), 'ArrowLeft');
    expect(item('sales').getAttribute('aria-expanded')).toBe('false');
    expect(item('Plan')).toBeNull();
  });

  it('a row that gets focus by pointer or Tab becomes the tab stop', async () => {
    const { item, tabStops, settle } = await renderWithKeys();
    item('empty').querySelector<HTMLButtonElement>('button[aria-label="Edit"]')?.focus();
    await settle();
    expect(tabStops()).toEqual(['empty']);
  });

  it('edits with Enter or F2, leaves keys typed in the Name box alone, and refocuses the row', async () => {
    const { item, focused, key, nameBox, press, saveName, sales, tabStops } =
      await renderWithKeys();
    await key(item('sales'), 'Enter');
    expect(nameBox()?.value).toBe('sales');
    await press('ArrowDown');
    await press('Delete');
    expect(nameBox()).not.toBeNull();
    expect(tabStops()).toEqual(['sales']);
    expect(sales.delete).not.toHaveBeenCalled();
    await press('Escape');
    expect(nameBox()).toBeNull();
    expect(focused()).toBe('sales');

    await key(item('sales'), 'F2');
    await saveName('Sales EMEA');
    expect(sales.name).toBe('Sales EMEA');
    // The fake doesn't republish the renamed row, so its label is still the old one.
    expect(document.activeElement).toBe(item('sales'));
  });

  it('deletes with the Delete key, asking first for a department with children', async () => {
    const { item, key, empty, sales, dialog } = await renderWithKeys();
    await key(item('empty'), 'Delete');
    expect(empty.delete).toHaveBeenCalled();
    await key(item('sales'), 'Delete');
    expect(dialog()?.textContent).toContain('1 child;');
    expect(sales.delete).not.toHaveBeenCalled();
  });

  it('ignores keys from the row’s buttons', async () => {
    const { item, key, tabStops, empty } = await renderWithKeys();
    await key(item('empty').querySelector('button[aria-label="Edit"]'), 'Delete');
    await key(item('sales').querySelector('button[aria-label="Edit"]'), 'ArrowDown');
    expect(empty.delete).not.toHaveBeenCalled();
    expect(tabStops()).toEqual(['sales']);
  });

  it('scrolls the virtual viewport to a row that is not rendered yet', async () => {
    const { fake, item, key, settle, tabStops } = await renderWithKeys();
    const many = Array.from({ length: 60 }, (_, index) => fakeDepartment(`d${index}`));
    fake.load(fakeLocation('big', many));
    await settle();
    const scrollToIndex = jest.spyOn(CdkVirtualScrollViewport.prototype, 'scrollToIndex');
    await key(item('d0'), 'End');
    expect(scrollToIndex).toHaveBeenCalledWith(59);
    scrollToIndex.mockRestore();
    expect(tabStops()).not.toContain('d0');
  });
});
