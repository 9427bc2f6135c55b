import { TestBed } from '@angular/core/testing';
import { fakeDepartment, fakeLocation } from './fake-entities.testing';
import { removeOverlays } from './location-tree.testing';
import { addRow, department, doc, folder, location, Screen } from './new-rows.testing';

/** The new row is open in the tree's editor, on a row of that level, with its default name. */
function expectInEditor({ host, nameBox }: Screen, name: string, level: number) {
  expect(nameBox()?.value).toBe(name);
  const editor = `[role="treeitem"][aria-level="${level}"] input[aria-label="Name"]`;
  expect(host.querySelector(editor)).not.toBeNull();
}

/** The unsaved row was taken out of the store again, from its parent's child array. */
function expectRemoved(list: { removeFromStore: jest.Mock }, id: string, parent: object) {
  expect(list.removeFromStore).toHaveBeenCalledWith(expect.objectContaining({ id }), parent);
}

/** New rows of every kind, added through the screen: into the store, into the editor, or discarded. */
describe('NewRows', () => {
  afterEach(removeOverlays);

  it('adds an unsaved child to the store and opens it in the editor; Escape discards it', async () => {
    const screen = await addRow(folder);
    const { fake, press, sales, newRow, parent } = screen;
    expect(newRow).toEqual(
      expect.objectContaining({ name: 'New folder', id: expect.stringMatching(/^folders:new-/) }),
    );
    expect(parent).toBe(sales);
    expectInEditor(screen, 'New folder', 2);

    await press('Escape');
    expectRemoved(sales.children, newRow.id, sales);
    expect(fake.entities.reload).toHaveBeenCalledWith('departments', ['sales']);
  });

  it('discards a new row the server refused', async () => {
    const { fake, addOutcome, sales, newRow } = await addRow(doc);
    addOutcome.next({ tempId: newRow.id, accepted: false });
    expectRemoved(sales.children, newRow.id, sales);
    expect(fake.entities.reload).toHaveBeenCalledWith('departments', ['sales']);
  });

  it('adds an unsaved department to the selected location and names it with Enter', async () => {
    const screen = await addRow(department);
    const { nameBox, saveName, paris, newRow, parent } = screen;
    expect(newRow).toEqual(
      expect.objectContaining({
        name: 'New department',
        id: expect.stringMatching(/^new-/),
        children: expect.objectContaining({ length: 0 }),
      }),
    );
    expect(parent).toBe(paris);
    expectInEditor(screen, 'New department', 1);

    await saveName('Support');
    expect(paris.departments.at(-1)?.name).toBe('Support');
    expect(nameBox()).toBeNull();
    expect(paris.departments.removeFromStore).not.toHaveBeenCalled();
  });

  it('discards a new department on Escape and reloads its location', async () => {
    const { fake, press, paris, newRow } = await addRow(department);
    await press('Escape');
    expectRemoved(paris.departments, newRow.id, paris);
    expect(fake.entities.reload).toHaveBeenCalledWith('locations', ['paris']);
  });

  it('adds an unsaved location under the top row, selects it and opens it in the editor', async () => {
    const { newRow, parent, nameBox, host } = await addRow(location);
    expect(newRow).toEqual(
      expect.objectContaining({ name: 'New location', departments: [], id: expect.any(String) }),
    );
    expect(parent).toEqual({ id: '1' });
    expect(nameBox()?.value).toBe('New location');
    expect(host.textContent).toContain('This location has no departments.');
  });

  it('names the new location with Enter and keeps it selected once the server saved it', async () => {
    const { fake, newRow, saveName, addOutcome, paris, host, settle } = await addRow(location);
    await saveName('Nice');
    expect(fake.entities.locationRows().at(-1)?.name).toBe('Nice');

    addOutcome.next({ tempId: newRow.id, accepted: true, savedId: 'nice' });
    fake.load(paris, { ...fakeLocation('nice', [fakeDepartment('riviera')]), name: 'Nice' });
    await settle();
    expect(host.querySelector('[role="treeitem"]')?.getAttribute('aria-label')).toBe('riviera');
  });

  it('discards the new location on Escape, or when the server refuses it', async () => {
    const first = await addRow(location);
    await first.press('Escape');
    // The current array (not the one the row was added to) takes the row out.
    expectRemoved(first.fake.entities.locationRows(), first.newRow.id, { id: '1' });
    expect(first.fake.entities.reload).toHaveBeenCalledWith('top', ['1']);
    TestBed.resetTestingModule();

    const second = await addRow(location);
    second.addOutcome.next({ tempId: second.newRow.id, accepted: false });
    expectRemoved(second.fake.entities.locationRows(), second.newRow.id, { id: '1' });
  });
});
