import { handleSocketNotification } from '@smarttools/smart-signals';
import { createQuirkStore, expectQuirk, QuirkStore, settle } from './quirk-store.testing';

/**
 * SmartNgRX 3.0.0, `@smarttools/smart-signals`: `handleSocketNotification(table, 'update', ids)`
 * marks the rows dirty, which loads them again; each answer is put in the store as it arrives.
 *
 * Steps: a row is renamed on the server and the update announced, and the reload this starts reads
 * the row but is slow to answer; the row is renamed again and announced; the reload this second
 * update starts answers at once; then the first one answers.
 * Expected: the store ends with the second name: the newer answer stands, or the row is loaded
 * again.
 * Actual: the first reload's answer, read before the second rename, replaces the second's and
 * stays for good: answers are applied in the order they arrive, and nothing loads the row again.
 * Over HTTP, two loads of one row can answer in either order (two connections, a busy server).
 */
describe('SmartNgRX 3.0.0: an older answer that arrives after a newer one', () => {
  let store: QuirkStore;

  beforeAll(async () => {
    store = await createQuirkStore({ p1: { children: [] } });
  });

  afterAll(() => store.app.destroy());

  /** Renames p1 on the server and announces it, as the server's notification would. */
  async function renameOnServer(name: string): Promise<void> {
    const { rows } = store.server.parents;
    const row = rows.get('p1');
    if (row === undefined) throw new Error('p1 is not on the fake server');
    rows.set('p1', { ...row, name });
    handleSocketNotification('parents', 'update', ['p1']);
    await store.show();
    await settle();
  }

  it('replaces the newer one for good', async () => {
    const { parents } = store.server;
    const releaseFirstReload = parents.holdNext('loadByIds');
    await renameOnServer('second name');
    await renameOnServer('third name');
    expect(store.parent('p1').name).toBe('third name');
    releaseFirstReload();
    await store.show();
    await settle();

    expectQuirk(
      {
        name: 'an older answer replacing a newer one',
        workaround: 'apps/client/src/app/socket/loads-in-flight.ts',
      },
      () => {
        expect(store.parent('p1').name).toBe('second name');
        expect(parents.calls).toEqual(['loadByIds p1', 'loadByIds p1', 'loadByIds p1']);
      },
    );
  });
});
