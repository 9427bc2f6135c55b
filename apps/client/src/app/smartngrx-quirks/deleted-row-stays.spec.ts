import { handleSocketNotification } from '@smarttools/smart-signals';
import { createQuirkStore, expectQuirk, Quirk, QuirkStore } from './quirk-store.testing';

const quirk: Quirk = {
  name: 'a deleted row staying in the store until garbage collection',
  workaround: 'apps/client/src/app/socket/store-releases.ts',
  then: 'a delete now takes the row out of the store, so store-releases.ts releases it at once (apps/client/src/app/socket/store-releases.ts): update docs/smartngrx-notes.md',
};

/**
 * SmartNgRX 3.0.0, `@smarttools/smart-signals`: rows leave the store only through garbage
 * collection (rows unread for `removeTime`, 30 minutes by default), `removeFromStore` and the
 * temporary row of an add, which it removes 1 s after the add succeeds; it tells the app of none
 * of them (no event, no callback). Deleting a row is not among them.
 *
 * Steps: delete a row (its `delete()`, the server accepts), or tell SmartNgRX a row was deleted
 * (`handleSocketNotification(table, 'delete', ids)`).
 * Expected: the row leaves its parent's child array and the store.
 * Actual: it leaves the parent's child array only (`FacadeBase.delete`, `DeleteEntity` call
 * `removeFromParents`); the row stays in the store until garbage collection.
 */
describe('SmartNgRX 3.0.0: a deleted row', () => {
  let store: QuirkStore;

  beforeAll(async () => {
    store = await createQuirkStore({ p1: { children: ['c1', 'c2', 'c3'] } });
  });

  afterAll(() => store.app.destroy());

  it('stays in the store after its delete succeeded', async () => {
    const child = [...store.parent('p1').children].find((row) => row.id === 'c1');
    child?.delete?.();
    await store.show();
    expect(store.server.children.calls).toContain('delete c1');
    expect(store.ids(store.parent('p1').children)).toEqual(['c2', 'c3']);
    expectQuirk(quirk, () => expect(store.stored.children().ids).toContain('c1'));
  });

  it('stays in the store after a socket delete', async () => {
    handleSocketNotification('children', 'delete', ['c2']);
    await store.show();
    expect(store.ids(store.parent('p1').children)).toEqual(['c3']);
    expectQuirk(quirk, () => expect(store.stored.children().ids).toContain('c2'));
  });
});
