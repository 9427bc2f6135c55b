import { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { AddOutcome, AddOutcomes } from '../entities/add-outcomes';
import { fakeDepartment, fakeEntities, fakeList, fakeLocation } from './fake-entities.testing';
import { LocationTree } from './location-tree';

describe('LocationTree', () => {
  beforeAll(() => {
    // jsdom has no layout; the virtual scroller's scrollToIndex needs this to exist.
    Element.prototype.scrollTo ??= () => undefined;
  });

  async function setup() {
    const fake = fakeEntities();
    const addOutcome = new Subject<AddOutcome>();
    const sales = fakeDepartment('sales', ['Plan']);
    const empty = fakeDepartment('empty');
    const paris = fakeLocation('paris', [sales, empty]);
    fake.load(paris);
    TestBed.configureTestingModule({
      imports: [LocationTree],
      providers: [
        fake.provider,
        { provide: AddOutcomes, useValue: { outcome: addOutcome } },
        // Dialogs close at once, without waiting for an animation.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const fixture = TestBed.createComponent(LocationTree);
    const host = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    await settle();
    const item = (name: string) =>
      host.querySelector(`[role="treeitem"][aria-label="${name}"]`) as HTMLElement;
    const click = async (element: Element | null, label: string) => {
      (element?.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement).click();
      await settle();
    };
    const group = () =>
      host.querySelector('[role="group"][aria-label="Selected location"]') as HTMLElement;
    const nameBox = () => host.querySelector('input[aria-label="Name"]') as HTMLInputElement | null;
    const press = async (key: string) => {
      nameBox()?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await settle();
    };
    return {
      fake,
      fixture,
      host,
      settle,
      item,
      click,
      group,
      nameBox,
      press,
      addOutcome,
      sales,
      empty,
      paris,
    };
  }

  afterEach(() =>
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove()),
  );

  it('shows the selected location’s departments as level-1 items of a tree', async () => {
    const { host } = await setup();
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
    const { item, click, nameBox, press, sales } = await setup();
    await click(item('sales'), 'Edit');
    const box = nameBox();
    expect(box?.value).toBe('sales');
    if (box) {
      box.value = 'Sales EMEA';
    }
    await press('Enter');
    expect(sales.name).toBe('Sales EMEA');
    expect(nameBox()).toBeNull();
  });

  it('deletes a department without children straight away', async () => {
    const { item, click, empty } = await setup();
    await click(item('empty'), 'Delete');
    expect(empty.delete).toHaveBeenCalled();
    expect(document.querySelector('mat-dialog-container')).toBeNull();
  });

  it('asks before deleting a department with children, and deletes only when confirmed', async () => {
    const { item, click, settle, sales } = await setup();
    await click(item('sales'), 'Delete');
    const dialog = () =>
      [...document.querySelectorAll('mat-dialog-container')].at(-1) as HTMLElement;
    expect(dialog().textContent).toContain('1 child;');
    (dialog().querySelector('button:first-of-type') as HTMLButtonElement).click();
    await settle();
    expect(sales.delete).not.toHaveBeenCalled();

    await click(item('sales'), 'Delete');
    const confirm = [...dialog().querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Delete',
    );
    confirm?.click();
    await settle();
    expect(sales.delete).toHaveBeenCalledTimes(1);
  });

  it('deletes a child row without asking', async () => {
    const { item, click, sales } = await setup();
    await click(item('sales'), 'Expand');
    await click(item('Plan'), 'Delete');
    expect(sales.children[0].delete).toHaveBeenCalled();
  });

  it('adds an unsaved child to the store and opens it in the editor; Escape discards it', async () => {
    const { fake, item, click, nameBox, press, sales, paris, host, fixture } = await setup();
    sales.children.addToStore.mockImplementation((row: { id: string; name: string }) => {
      sales.children.push({ ...row, delete: jest.fn() });
      fake.load({ ...paris });
    });
    await click(item('sales'), 'Add');
    const folder = [...document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')].find(
      (button) => button.textContent?.includes('Folder'),
    );
    folder?.click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    const [newRow, parent] = sales.children.addToStore.mock.calls[0];
    expect(newRow).toEqual(
      expect.objectContaining({ name: 'New folder', id: expect.stringMatching(/^folders:new-/) }),
    );
    expect(parent).toBe(sales);
    expect(nameBox()?.value).toBe('New folder');
    expect(
      host.querySelector('[role="treeitem"][aria-level="2"] input[aria-label="Name"]'),
    ).not.toBeNull();

    await press('Escape');
    expect(sales.children.removeFromStore).toHaveBeenCalledWith(
      expect.objectContaining({ id: newRow.id }),
      sales,
    );
    expect(fake.entities.reload).toHaveBeenCalledWith('departments', ['sales']);
  });

  it('discards a new row the server refused', async () => {
    const { fake, item, click, addOutcome, sales, fixture } = await setup();
    await click(item('sales'), 'Add');
    document.querySelector<HTMLButtonElement>('[mat-menu-item]')?.click();
    await fixture.whenStable();
    const [newRow] = sales.children.addToStore.mock.calls[0];
    addOutcome.next({ tempId: newRow.id, accepted: false });
    expect(sales.children.removeFromStore).toHaveBeenCalledWith(
      expect.objectContaining({ id: newRow.id }),
      sales,
    );
    expect(fake.entities.reload).toHaveBeenCalledWith('departments', ['sales']);
  });

  it('renames and deletes the selected location', async () => {
    const { host, nameBox, press, settle, paris } = await setup();
    const group = host.querySelector('[role="group"][aria-label="Selected location"]');
    (group?.querySelector('button[aria-label="Edit"]') as HTMLButtonElement).click();
    await settle();
    const box = nameBox();
    if (box) {
      box.value = 'Paris Nord';
    }
    await press('Enter');
    expect(paris.name).toBe('Paris Nord');

    (group?.querySelector('button[aria-label="Delete"]') as HTMLButtonElement).click();
    await settle();
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain('2 departments');
  });

  it('adds an unsaved department to the selected location and names it with Enter', async () => {
    const { fake, host, group, click, nameBox, press, paris } = await setup();
    paris.departments.addToStore.mockImplementation((row: { id: string; name: string }) => {
      paris.departments.push({ ...fakeDepartment(row.id), ...row });
      fake.load({ ...paris });
    });
    await click(group(), 'Add department');

    const [newRow, parent] = paris.departments.addToStore.mock.calls[0];
    expect(newRow).toEqual(
      expect.objectContaining({
        name: 'New department',
        id: expect.stringMatching(/^new-/),
        children: expect.objectContaining({ length: 0 }),
      }),
    );
    expect(parent).toBe(paris);
    expect(nameBox()?.value).toBe('New department');
    expect(
      host.querySelector('[role="treeitem"][aria-level="1"] input[aria-label="Name"]'),
    ).not.toBeNull();

    const box = nameBox();
    if (box) {
      box.value = 'Support';
    }
    await press('Enter');
    expect(paris.departments.at(-1)?.name).toBe('Support');
    expect(nameBox()).toBeNull();
    expect(paris.departments.removeFromStore).not.toHaveBeenCalled();
  });

  it('discards a new department on Escape and reloads its location', async () => {
    const { fake, group, click, press, paris } = await setup();
    paris.departments.addToStore.mockImplementation((row: { id: string; name: string }) => {
      paris.departments.push({ ...fakeDepartment(row.id), ...row });
      fake.load({ ...paris });
    });
    await click(group(), 'Add department');
    const [newRow] = paris.departments.addToStore.mock.calls[0];
    await press('Escape');
    expect(paris.departments.removeFromStore).toHaveBeenCalledWith(
      expect.objectContaining({ id: newRow.id }),
      paris,
    );
    expect(fake.entities.reload).toHaveBeenCalledWith('locations', ['paris']);
  });

  describe('adding a location', () => {
    async function addLocation() {
      const context = await setup();
      const { fake, group, click, paris } = context;
      const locations = fake.entities.locationRows();
      locations.addToStore.mockImplementation((row: { id: string; name: string }) => {
        fake.load(paris, { ...fakeLocation(row.id), ...row, departments: fakeList([]) });
      });
      await click(group(), 'Add location');
      const [newRow, top] = locations.addToStore.mock.calls[0];
      return { ...context, locations, newRow, top };
    }

    it('adds an unsaved location under the top row, selects it and opens it in the editor', async () => {
      const { newRow, top, nameBox, host } = await addLocation();
      expect(newRow).toEqual(
        expect.objectContaining({ name: 'New location', departments: [], id: expect.any(String) }),
      );
      expect(top).toEqual({ id: '1' });
      expect(nameBox()?.value).toBe('New location');
      expect(host.textContent).toContain('This location has no departments.');
    });

    it('names the new location with Enter and keeps it selected once the server saved it', async () => {
      const { fake, newRow, nameBox, press, addOutcome, paris, host, settle } = await addLocation();
      const box = nameBox();
      if (box) {
        box.value = 'Nice';
      }
      await press('Enter');
      expect(fake.entities.locationRows().at(-1)?.name).toBe('Nice');

      addOutcome.next({ tempId: newRow.id, accepted: true, savedId: 'nice' });
      fake.load(paris, { ...fakeLocation('nice', [fakeDepartment('riviera')]), name: 'Nice' });
      await settle();
      expect(host.querySelector('[role="treeitem"]')?.getAttribute('aria-label')).toBe('riviera');
    });

    it('discards the new location on Escape, or when the server refuses it', async () => {
      const first = await addLocation();
      await first.press('Escape');
      // SmartNgRX hands out a new array after each change; the current one takes the row out.
      expect(first.fake.entities.locationRows().removeFromStore).toHaveBeenCalledWith(
        expect.objectContaining({ id: first.newRow.id }),
        { id: '1' },
      );
      expect(first.fake.entities.reload).toHaveBeenCalledWith('top', ['1']);
      TestBed.resetTestingModule();

      const second = await addLocation();
      second.addOutcome.next({ tempId: second.newRow.id, accepted: false });
      expect(second.fake.entities.locationRows().removeFromStore).toHaveBeenCalledWith(
        expect.objectContaining({ id: second.newRow.id }),
        { id: '1' },
      );
    });
  });

  describe('keyboard (WAI-ARIA tree, roving tabindex)', () => {
    async function keyboard() {
      const context = await setup();
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
      const { items, tabStops } = await keyboard();
      expect(tabStops()).toEqual(['sales']);
      expect(items().map((item) => item.getAttribute('tabindex'))).toEqual(['0', '-1']);
    });

    it('moves focus and the tab stop with ArrowDown, ArrowUp, End and Home', async () => {
      const { item, tabStops, focused, key } = await keyboard();
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
      const { item, focused, key } = await keyboard();
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
      const { item, tabStops, settle } = await keyboard();
      item('empty').querySelector<HTMLButtonElement>('button[aria-label="Edit"]')?.focus();
      await settle();
      expect(tabStops()).toEqual(['empty']);
    });

    it('edits with Enter or F2, leaves keys typed in the Name box alone, and refocuses the row', async () => {
      const { item, focused, key, nameBox, press, sales, tabStops } = await keyboard();
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
      const box = nameBox();
      if (box) {
        box.value = 'Sales EMEA';
      }
      await press('Enter');
      expect(sales.name).toBe('Sales EMEA');
      // The fake doesn't republish the renamed row, so its label is still the old one.
      expect(document.activeElement).toBe(item('sales'));
    });

    it('deletes with the Delete key, asking first for a department with children', async () => {
      const { item, key, empty, sales } = await keyboard();
      await key(item('empty'), 'Delete');
      expect(empty.delete).toHaveBeenCalled();
      await key(item('sales'), 'Delete');
      expect(document.querySelector('mat-dialog-container')?.textContent).toContain('1 child;');
      expect(sales.delete).not.toHaveBeenCalled();
    });

    it('ignores keys from the row’s buttons', async () => {
      const { item, key, tabStops, empty } = await keyboard();
      await key(item('empty').querySelector('button[aria-label="Edit"]'), 'Delete');
      await key(item('sales').querySelector('button[aria-label="Edit"]'), 'ArrowDown');
      expect(empty.delete).not.toHaveBeenCalled();
      expect(tabStops()).toEqual(['sales']);
    });

    it('scrolls the virtual viewport to a row that is not rendered yet', async () => {
      const { fake, item, key, settle, tabStops } = await keyboard();
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
});
