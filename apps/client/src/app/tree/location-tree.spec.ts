import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { AddOutcome, DepartmentChildEffects } from '../entities/department-child-effects';
import { SocketService } from '../socket/socket.service';
import { fakeDepartment, fakeEntities, fakeLocation } from './fake-entities.testing';
import { LocationTree } from './location-tree';

describe('LocationTree', () => {
  beforeAll(() => {
    // jsdom has no layout; the virtual scroller's scrollToIndex needs this to exist.
    Element.prototype.scrollTo ??= () => undefined;
  });

  async function setup() {
    const fake = fakeEntities();
    const addOutcome = new Subject<AddOutcome>();
    const reconnected = new Subject<void>();
    const sales = fakeDepartment('sales', ['Plan']);
    const empty = fakeDepartment('empty');
    const paris = fakeLocation('paris', [sales, empty]);
    fake.load(paris);
    TestBed.configureTestingModule({
      imports: [LocationTree],
      providers: [
        fake.provider,
        { provide: DepartmentChildEffects, useValue: { addOutcome } },
        { provide: SocketService, useValue: { reconnected } },
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
      nameBox,
      press,
      addOutcome,
      reconnected,
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
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sales.delete).not.toHaveBeenCalled();

    await click(item('sales'), 'Delete');
    const confirm = [...dialog().querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Delete',
    );
    confirm?.click();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 300));
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
      fake.entities.locationRows.set([{ ...paris }]);
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
    expect(fake.entities.refresh).toHaveBeenCalledWith('departments', ['sales']);
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
    expect(fake.entities.refresh).toHaveBeenCalledWith('departments', ['sales']);
  });

  it('reloads everything after the socket reconnects', async () => {
    const { fake, reconnected } = await setup();
    reconnected.next();
    expect(fake.entities.refreshAll).toHaveBeenCalled();
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
});
