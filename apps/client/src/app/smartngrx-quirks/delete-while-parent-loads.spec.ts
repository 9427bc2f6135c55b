import { handleSocketNotification } from '@smarttools/smart-signals';
import { createQuirkStore, expectQuirk, QuirkStore, settle } from './quirk-store.testing';

/**
 * SmartNgRX 3.0.0, `@smarttools/smart-signals`: `handleSocketNotification(table, 'delete', ids)`
 * removes the rows' ids from every parent's child list.
 *
 * Steps: a parent's reload reads it on the server (its child list still has `c2`) and is slow to
 * answer; `c2` is deleted on the server and the delete announced; then the reload answers.
 * Expected: `c2` stays gone from the parent's children.
 * Actual: the reload's answer, read before the delete, puts `c2` back in the list for good (and
 * the deleted row with it: SmartNgRX keeps deleted rows in the store, quirk 7).
 */
describe('SmartNgRX 3.0.0: a child deleted while its parent’s load is on its way', () => {
  let store: QuirkStore;

  beforeAll(async () => {
    store = await createQuirkStore({ p1: { children: ['c1', 'c2'] } });
  });

  afterAll(() => store.app.destroy());

  it('comes back with the parent’s answer', async () => {
    const { parents, children } = store.server;
    const releaseReload = parents.holdNext('loadByIds');
    handleSocketNotification('parents', 'update', ['p1']);
    await store.show();
    await settle();

    const p1 = parents.rows.get('p1');
    if (p1 === undefined) throw new Error('p1 is not on the fake server');
    children.rows.delete('c2');
    parents.rows.set('p1', { ...p1, children: { startIndex: 0, length: 1, indexes: ['c1'] } });
    parents.childLists.set('p1', ['c1']);
    handleSocketNotification('children', 'delete', ['c2']);
    await store.show();
    await settle();
    expect(store.ids(store.parent('p1').children)).toEqual(['c1']);
    releaseReload();
    await store.show();
    await settle();

    expectQuirk(
      {
        name: 'a deleted child coming back with its parent’s older answer',
        workaround: 'apps/client/src/app/socket/loads-in-flight.ts',
      },
      () => expect(store.ids(store.parent('p1').children)).toEqual(['c1', 'c2']),
    );
  });
});
