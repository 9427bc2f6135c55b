import { fakeDepartment, FakeList, fakeList, fakeLocation } from './fake-entities.testing';
import { renderLocationTree } from './location-tree.testing';

export type Screen = Awaited<ReturnType<typeof renderLocationTree>>;

/** How a test adds a row: the list it goes into, how the store publishes it, what the user does. */
export interface Adding {
  readonly into: (screen: Screen) => FakeList<unknown>;
  /** What SmartNgRX would publish once the row is added; nothing when left out. */
  readonly publish?: (screen: Screen, row: { id: string; name: string }) => void;
  readonly add: (screen: Screen) => Promise<void>;
}

/** Renders the screen and adds a row through it: the new row and the parent it went under. */
export async function addRow({ into, publish, add }: Adding) {
  const screen = await renderLocationTree();
  const list = into(screen);
  if (publish !== undefined) {
    list.addToStore.mockImplementation((row) => publish(screen, row));
  }
  await add(screen);
  const [newRow, parent] = list.addToStore.mock.calls[0];
  return { ...screen, newRow, parent };
}

/** Picks a child kind in the Add menu of "sales". */
async function pickChildKind({ item, click, clickMenuItem }: Screen, kind: string) {
  await click(item('sales'), 'Add');
  await clickMenuItem(kind);
}

export const folder: Adding = {
  into: ({ sales }) => sales.children,
  publish: ({ fake, sales, paris }, row) => {
    sales.children.push({ ...row, delete: jest.fn() });
    fake.load({ ...paris });
  },
  add: (screen) => pickChildKind(screen, 'Folder'),
};

export const doc: Adding = {
  into: ({ sales }) => sales.children,
  add: (s) => pickChildKind(s, 'Doc'),
};

export const department: Adding = {
  into: ({ paris }) => paris.departments,
  publish: ({ fake, paris }, row) => {
    paris.departments.push({ ...fakeDepartment(row.id), ...row });
    fake.load({ ...paris });
  },
  add: ({ click, group }) => click(group(), 'Add department'),
};

export const location: Adding = {
  into: ({ fake }) => fake.entities.locationRows(),
  // SmartNgRX hands out a new array after each change.
  publish: ({ fake, paris }, row) =>
    fake.load(paris, { ...fakeLocation(row.id), ...row, departments: fakeList([]) }),
  add: ({ click, group }) => click(group(), 'Add location'),
};
