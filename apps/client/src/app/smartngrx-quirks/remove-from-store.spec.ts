import { ChildRow, createQuirkStore, expectQuirk, QuirkStore, settle } from './quirk-store.testing';

/**
 * SmartNgRX 3.0.0, `@smarttools/smart-signals`: `SmartArray.addToStore` puts an unsaved row at the
 * end of a parent's child array; `removeFromStore` takes it out again (e.g. the user pressed
 * Escape instead of naming it).
 */
describe('SmartNgRX 3.0.0: removeFromStore on a virtual child array', () => {
  let store: QuirkStore;

  beforeAll(async () => {
    store = await createQuirkStore({ p1: { children: ['c1', 'c2', 'c3'] } });
  });

  afterAll(() => store.app.destroy());

  /**
   * Steps: a parent whose child field is a virtual array of 3 loaded ids; `addToStore` an unsaved
   * row (4 rows); `removeFromStore` that row.
   * Expected: `c1, c2, c3`, length 3.
   * Actual: length 2, so `c3` is no longer shown. `removeChildIdFromChildArray` marks the id
   * `'delete'` and subtracts one from the length; `mergeVirtualArrays` then filters the
   * `'delete'` out and subtracts one again. (It also calls `newRowRegistry.remove` with the child
   * entity, while `addToStore` registered the id under the parent entity, so the id stays
   * registered as a new row.)
   */
  it('counts one row too few', async () => {
    const parent = store.parent('p1');
    const unsaved: ChildRow = { id: 'new-1', name: '' };
    parent.children.addToStore?.(unsaved, parent);
    await settle();
    expect(store.ids(store.parent('p1').children)).toEqual(['c1', 'c2', 'c3', 'new-1']);

    const again = store.parent('p1');
    again.children.removeFromStore?.({ id: 'new-1', name: '' }, again);
    await settle();
    const stored = store.stored.parents().entities['p1']?.children;
    expectQuirk(
      {
        name: 'removeFromStore miscounting a virtual array by one',
        workaround:
          'apps/client/src/app/tree/new-rows.ts (discard reloads the parent after removeFromStore)',
      },
      () => {
        expect(stored).toEqual({ indexes: ['c1', 'c2', 'c3'], length: 2 });
        expect(store.ids(store.parent('p1').children)).toEqual(['c1', 'c2']);
      },
    );
  });
});
