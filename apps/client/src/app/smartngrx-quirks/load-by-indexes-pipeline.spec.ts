import { config } from 'rxjs';
import { createQuirkStore, expectQuirk, QuirkStore } from './quirk-store.testing';

/**
 * SmartNgRX 3.0.0, `@smarttools/smart-signals`: reading a position of a virtual array whose id is
 * not loaded yet calls the parent entity's effect service `loadByIndexes`.
 *
 * Steps: parents whose rows carry none of their child ids (`{ indexes: [], length: 2 }`); make
 * `loadByIndexes` fail once; read every parent's children.
 * Expected: the failure is reported to `smartErrorHandlerToken`; the other parents' pages load.
 * Actual: no page ever loads again for this entity: `LoadByIndexesSignals` subscribes its
 * pipeline (`bufferIndexes`, then `switchMap` to the effect service) once, with no `catchError`,
 * so the first error ends it; the error goes to RxJS as unhandled, not to the error handler.
 */
describe('SmartNgRX 3.0.0: loadByIndexes after a failed page', () => {
  let store: QuirkStore;
  let refused: Error;
  const unhandled: unknown[] = [];

  beforeAll(async () => {
    config.onUnhandledError = (error) => unhandled.push(error);
    store = await createQuirkStore(
      {
        p1: { children: ['c1', 'c2'], firstPage: 0 },
        p2: { children: ['c3', 'c4'], firstPage: 0 },
        p3: { children: ['c5', 'c6'], firstPage: 0 },
      },
      (server) => {
        refused = server.parents.refuseNext('loadByIndexes');
      },
    );
    await store.show();
  });

  afterAll(() => {
    store.app.destroy();
    config.onUnhandledError = null;
  });

  it('stops loading pages after one error', () => {
    expect(store.server.parents.calls).toContain('loadByIndexes p1 0+2');
    expect(unhandled).toEqual([refused]);
    expectQuirk(
      {
        name: 'the loadByIndexes pipeline stopping after one error',
        workaround:
          'apps/client/src/app/entities/mutation-failures.ts (reportAndSkip, used by department-effects.ts loadByIndexes)',
      },
      () => {
        const pages = store.server.parents.calls.filter((call) => call.startsWith('loadByIndexes'));
        expect(pages).toEqual(['loadByIndexes p1 0+2']);
        expect(store.ids(store.parent('p3').children)).toEqual(['indexNoOp-0', 'indexNoOp-1']);
        expect(store.handleError).not.toHaveBeenCalled();
      },
    );
  });
});
