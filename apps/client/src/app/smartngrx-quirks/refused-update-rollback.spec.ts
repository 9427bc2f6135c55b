import { of } from 'rxjs';
import {
  createQuirkStore,
  expectQuirk,
  ParentRow,
  QuirkStore,
  settle,
} from './quirk-store.testing';

/**
 * SmartNgRX 3.0.0, `@smarttools/smart-signals`: when the effect service's `update` fails,
 * SmartNgRX puts back the row as it was before the edit. Two things go wrong on the way.
 */
describe('SmartNgRX 3.0.0: a refused update is rolled back', () => {
  let store: QuirkStore;

  beforeAll(async () => {
    store = await createQuirkStore({
      p1: { children: ['c1', 'c2'] },
      p2: { children: ['c3', 'c4'] },
      p3: { children: ['c5', 'c6'] },
      p4: { children: ['c7', 'c8'] },
    });
  });

  afterAll(() => store.app.destroy());

  /** Renames a parent as a screen does (assigning `name` on SmartNgRX's row saves it). */
  async function rename(id: string, name: string): Promise<void> {
    store.parent(id).name = name;
    await settle();
  }

  it('starts from the server’s rows', () => {
    expect(store.ids(store.parentList())).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(store.ids(store.parent('p1').children)).toEqual(['c1', 'c2']);
  });

  // First, while no row is corrupted (see below: a corrupted parent makes every child delete throw).
  /**
   * Steps: make the effect service's `delete` fail; delete a child row.
   * Expected: the handler is told; the child is back in its parent (SmartNgRX reports "Error
   * deleting row, refreshing the parent row(s)").
   * Actual: the handler hears nothing (as for an update), and the parent is never reloaded:
   * `markFeatureParentsDirty` only sets `isDirty`, and with the default `markDirtyFetchesNew: true`
   * a dirty row is fetched only when it is marked through `forceIdDirty`, not when it is read
   * (`ensureDataLoaded` then clears the flag). The child stays out of its parent.
   */
  it('a refused delete: never tells smartErrorHandlerToken, and never brings the row back', async () => {
    store.server.children.refuseNext('delete');
    store.server.parents.calls.length = 0;
    const child = [...store.parent('p4').children].find((row) => row.id === 'c7');
    child?.delete?.();
    await store.show();
    expect(store.server.children.calls).toContain('delete c7');
    expectQuirk(
      {
        name: 'a refused delete never reaching smartErrorHandlerToken',
        workaround: 'apps/client/src/app/entities/mutation-failures.ts (report)',
      },
      () => expect(store.handleError).not.toHaveBeenCalled(),
    );
    expectQuirk(
      {
        name: 'a refused delete never reloading the parent',
        workaround: 'apps/client/src/app/entities/mutation-failures.ts',
        then: 'the refused row now comes back by itself: update docs/smartngrx-notes.md (the app has no workaround)',
      },
      () => {
        expect(store.server.parents.calls).toEqual([]);
        expect(store.ids(store.parent('p4').children)).toEqual(['c8']);
      },
    );
  });

  /**
   * Steps: provide `smartErrorHandlerToken`; make the effect service's `update` fail; rename a row.
   * Expected: the handler is told, as it is told of a failed `loadByIds`.
   * Actual: the row is rolled back, and the handler hears nothing: `Update.handleUpdateError`
   * reports to an internal `errorHandlerRegistry` whose handler is a no-op and which nothing ever
   * registers; only `loadByIds` asks the injector for `smartErrorHandlerToken`.
   */
  it('never tells smartErrorHandlerToken of a refused update', async () => {
    store.server.parents.refuseNext('update');
    await rename('p2', 'Refused');
    expect(store.stored.parents().entities['p2']?.name).toBe('parent p2');
    expectQuirk(
      {
        name: 'a refused update never reaching smartErrorHandlerToken',
        workaround: 'apps/client/src/app/entities/mutation-failures.ts (rollBackUpdate reports it)',
      },
      () => expect(store.handleError).not.toHaveBeenCalled(),
    );
  });

  /**
   * Steps: a parent whose child field is a virtual array (`{ indexes, length }`); make `update`
   * fail; rename the parent; read its children.
   * Expected: the children are as they were, `c1, c2`.
   * Actual: reading them throws a TypeError. The row rolled back is the one the row proxy sent
   * (`RowProxy.getRealRow()`), whose `children` is the `VirtualArray` object SmartNgRX made for
   * the screen, not the `{ indexes, length }` the store held; `mergeRowsWithEntities` does not
   * recognise it, so the store keeps it, and the next `VirtualArray` made over it has no ids.
   */
  it('corrupts the child array of the row it rolls back', async () => {
    store.server.parents.refuseNext('update');
    await rename('p1', 'Refused');
    expect(store.stored.parents().entities['p1']?.name).toBe('parent p1');
    expectQuirk(
      {
        name: 'a refused update’s rollback corrupting the row’s virtual child array',
        workaround:
          'apps/client/src/app/entities/mutation-failures.ts (rollBackUpdate answers with the server’s row)',
      },
      () => {
        expect(Array.isArray(store.stored.parents().entities['p1']?.children.indexes)).toBe(false);
        expect(() => store.ids(store.parent('p1').children)).toThrow(TypeError);
      },
    );
  });

  it('keeps the child array when the refusal is answered with the server’s row (the workaround)', async () => {
    // What `rollBackUpdate` does: the server refused, so the update answers with its current row.
    const current = { ...(store.server.parents.rows.get('p3') as ParentRow) };
    jest.spyOn(store.server.parents, 'update').mockReturnValueOnce(of([current]));
    await rename('p3', 'Refused');
    expect(store.stored.parents().entities['p3']?.name).toBe('parent p3');
    expect(store.ids(store.parent('p3').children)).toEqual(['c5', 'c6']);
  });
});
