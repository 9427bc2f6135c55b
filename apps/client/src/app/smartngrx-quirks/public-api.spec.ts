import * as smartSignals from '@smarttools/smart-signals';
import { handleSocketNotification } from '@smarttools/smart-signals';
import { createQuirkStore, expectQuirk, QuirkStore } from './quirk-store.testing';

/**
 * SmartNgRX 3.0.0, `@smarttools/smart-signals`: what its public API does not offer, and the
 * public call this app uses instead.
 */
describe('SmartNgRX 3.0.0: the public API', () => {
  const exported = Object.keys(smartSignals).sort();

  /**
   * Expected: a way to say "reload these rows" (its docs list marking a row dirty by hand as
   * "coming soon"); a way to hear that rows left the store; a way to empty the store (sign-out).
   * Actual: the runtime exports are these nine; reloading, removal events and clearing exist only
   * in `@smarttools/smart-core` internals (`facadeRegistry`, `FacadeBase.markDirty`,
   * `facadeRegistry.clear`, "only used for testing").
   */
  it('exports no reload, no removal event and no way to empty the store', () => {
    expect(exported).toEqual([
      'EffectService',
      'assert',
      'castTo',
      'createSmartSignal',
      'getTopChildRows',
      'handleSocketNotification',
      'provideSmartFeatureSignalEntities',
      'provideSmartNgRX',
      'smartErrorHandlerToken',
    ]);
    const offers = (pattern: RegExp) => exported.filter((name) => pattern.test(name));
    expectQuirk(
      {
        name: `the missing public reload (exports: ${exported.join(', ')})`,
        workaround: 'apps/client/src/app/entities/reload-rows.ts (handleSocketNotification update)',
      },
      () => expect(offers(/reload|refresh|refetch|dirty/i)).toEqual([]),
    );
    expectQuirk(
      {
        name: `the missing event for rows leaving the store (exports: ${exported.join(', ')})`,
        workaround: 'apps/client/src/app/socket/store-releases.ts (diffs each table’s ids)',
      },
      () => expect(offers(/remov|release|evict|garbage|leave/i)).toEqual([]),
    );
    expectQuirk(
      {
        name: `the missing way to empty the store (exports: ${exported.join(', ')})`,
        workaround: 'apps/client/src/app/auth/auth.ts (a sign-out reloads the page)',
      },
      () => expect(offers(/clear|reset|forget/i)).toEqual([]),
    );
  });

  describe('handleSocketNotification(table, "update", ids), which reload-rows.ts relies on', () => {
    let store: QuirkStore;

    beforeAll(async () => {
      store = await createQuirkStore({ p1: { children: ['c1', 'c2'] } });
    });

    afterAll(() => store.app.destroy());

    it('reloads the rows the store holds, and ignores the others', async () => {
      store.server.children.calls.length = 0;
      store.server.children.rows.set('c1', { id: 'c1', name: 'renamed elsewhere' });
      handleSocketNotification('children', 'update', ['c1', 'c9']);
      await store.show();
      // Not a quirk: if this fails, reload-rows.ts no longer reloads rows.
      expect(store.server.children.calls).toEqual(['loadByIds c1']);
      expect([...store.parent('p1').children][0]?.name).toBe('renamed elsewhere');
    });
  });
});
