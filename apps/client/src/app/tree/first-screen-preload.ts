import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import {
  effect,
  EnvironmentProviders,
  inject,
  Injectable,
  Injector,
  makeEnvironmentProviders,
  provideAppInitializer,
  untracked,
} from '@angular/core';
import { tap } from 'rxjs';
import { Auth } from '../auth/auth';
import { EntitySignals } from '../entities/entity-signals';

/** The loads whose rows lead to the first screen's next load: the location list, the locations. */
const LEADS_ON = /^\/api\/(top|locations)$/;

/**
 * Reads what the tree shows first, so SmartNgRX loads it: every location the top row lists and
 * the departments of the first loaded one (the location the tree selects while none is chosen).
 * True once those departments have been asked for.
 */
export function readFirstScreen(entities: Pick<EntitySignals, 'locationRows'>): boolean {
  const locations = [...entities.locationRows()];
  const first = locations.find((location) => location.isLoading !== true);
  if (first === undefined) {
    return false;
  }
  void [...first.departments];
  return true;
}

/**
 * Starts the first screen's loads (top → locations → departments) as soon as someone is signed
 * in, from the initial bundle, instead of when the deferred app chunk has arrived and created the
 * tree; the tree reads the same rows from the store. Each next load is asked for as soon as the
 * rows it depends on are stored ({@link firstScreenInterceptor}), not in the next change
 * detection, whose first rendering of the app would otherwise delay it.
 */
@Injectable({ providedIn: 'root' })
export class FirstScreenPreload {
  private readonly auth = inject(Auth);
  // Looked up when needed: the signal chain is built once the entities are registered.
  private readonly injector = inject(Injector);
  private done = false;

  get pending(): boolean {
    return !this.done;
  }

  /** Reads the first screen's rows, while signed in, until its departments have been asked for. */
  read(): void {
    if (this.done || !untracked(() => this.auth.signedIn())) {
      return;
    }
    this.done = untracked(() => readFirstScreen(this.injector.get(EntitySignals)));
  }
}

/**
 * Once the answer of a load the first screen depends on has been stored (a microtask later, when
 * SmartNgRX has put its rows in the store), reads the first screen again: the next load starts
 * in the same task as the answer arrived.
 */
export const firstScreenInterceptor: HttpInterceptorFn = (request, next) => {
  const preload = inject(FirstScreenPreload);
  if (!preload.pending || request.method !== 'POST' || !LEADS_ON.test(request.url)) {
    return next(request);
  }
  return next(request).pipe(
    tap((event) => {
      if (event instanceof HttpResponse) {
        queueMicrotask(() => preload.read());
      }
    }),
  );
};

/**
 * The first read once signed in, as soon as the session check (or a sign-in) has answered, not in
 * the change detection after it, which renders the shell first; the interceptor takes it from
 * there. The effect covers a user already signed in when this starts.
 */
export function provideFirstScreenPreload(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      const auth = inject(Auth);
      const preload = inject(FirstScreenPreload);
      auth.afterSignIn(() => preload.read());
      const first = effect(() => {
        if (auth.signedIn()) {
          preload.read();
          if (!preload.pending) {
            first.destroy();
          }
        }
      });
    }),
  ]);
}
