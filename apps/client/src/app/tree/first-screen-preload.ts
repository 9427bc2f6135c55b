import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import {
  EnvironmentProviders,
  inject,
  Injectable,
  Injector,
  makeEnvironmentProviders,
  provideAppInitializer,
  signal,
  untracked,
} from '@angular/core';
import { finalize, merge, take, tap, timer } from 'rxjs';
import { Auth } from '../auth/auth';
import { EntitySignals } from '../entities/entity-signals';
import { PageFirstScreen } from '../page/page-first-screen';
import { SocketConnection } from '../socket/socket-connection';

/** The loads whose rows lead to the first screen's next load: the location list, the locations. */
const LEADS_ON = /^\/api\/(top|locations)$/;
/** The first screen's last load: the first location's departments. */
const LAST_LOAD = /^\/api\/departments$/;

/**
 * How long the first loads wait, once signed in, for the socket's id. Sent with it, they
 * subscribe the socket to their rows; sent without, they are sent again once it connects.
 */
export const SOCKET_WAIT_MS = 250;
/**
 * How long the app waits, once signed in, for the first screen's rows before it shows anyway
 * (rows still loading show as such).
 */
export const FIRST_SCREEN_WAIT_MS = 750;

export type FirstScreenState = 'waiting' | 'asked' | 'loaded';

/**
 * Reads what the tree shows first, so SmartNgRX loads it: every location the top row lists and
 * the departments of the first loaded one (the location the tree selects while none is chosen).
 * Waiting while no location has loaded; then asked until those departments are loaded.
 */
export function readFirstScreen(entities: Pick<EntitySignals, 'locationRows'>): FirstScreenState {
  const locations = [...entities.locationRows()];
  const first = locations.find((location) => location.isLoading !== true);
  if (first === undefined) {
    return 'waiting';
  }
  const departments = [...first.departments];
  return departments.some((department) => department.isLoading === true) ? 'asked' : 'loaded';
}

/**
 * Starts the first screen's loads (top → locations → departments) as soon as someone is signed
 * in and the socket has connected, from the initial bundle, instead of when the deferred app
 * chunk has arrived and created the tree; the tree reads the same rows from the store. Each next
 * load is asked for as soon as the rows it depends on are stored ({@link firstScreenInterceptor}).
 * The app shows once they are in ({@link ready}): rendered before, its shell's first rendering
 * would hold back the very answers it waits for, and the rows would take a second one.
 */
@Injectable({ providedIn: 'root' })
export class FirstScreenPreload {
  private readonly auth = inject(Auth);
  private readonly connection = inject(SocketConnection);
  private readonly page = inject(PageFirstScreen);
  // Looked up when needed: the signal chain is built once the entities are registered.
  private readonly injector = inject(Injector);
  private socketAwaited = false;
  private done = false;
  private readonly readyState = signal(false);
  /**
   * Whether the app may show: once the first screen's rows are in the store, or their loads
   * failed, or {@link FIRST_SCREEN_WAIT_MS} have passed since the sign-in.
   */
  readonly ready = this.readyState.asReadonly();

  /** Until the first location's departments have been asked for. */
  get pending(): boolean {
    return !this.done;
  }

  /** Someone signed in: reads once the socket has connected or waiting for it took too long. */
  start(): void {
    setTimeout(() => this.settle(), FIRST_SCREEN_WAIT_MS);
    if (this.page.hasRows) {
      // Answered from the page: no request waits for the socket. A microtask later: at start-up,
      // SmartNgRX registers its entities in one.
      this.socketAwaited = true;
      queueMicrotask(() => this.read());
      return;
    }
    if (this.socketAwaited || this.connection.id() !== undefined) {
      this.socketAwaited = true;
      this.read();
      return;
    }
    merge(this.connection.connected, timer(SOCKET_WAIT_MS))
      .pipe(take(1))
      .subscribe(() => {
        this.socketAwaited = true;
        this.read();
      });
  }

  /** Reads the first screen's rows, while signed in, until its departments have been asked for. */
  read(): void {
    const connected = untracked(() => this.connection.id()) !== undefined;
    if (
      this.done ||
      !(connected || (this.socketAwaited && untracked(() => this.auth.signedIn())))
    ) {
      return;
    }
    const state = untracked(() => readFirstScreen(this.injector.get(EntitySignals)));
    this.done = state !== 'waiting';
    if (state === 'loaded') {
      this.settle();
    }
  }

  /** The first screen's rows are in, or will not come soon: the app may show. */
  settle(): void {
    this.readyState.set(true);
  }
}

/**
 * Once the answer of a load the first screen depends on has been stored (a microtask later, when
 * SmartNgRX has put its rows in the store), reads the first screen again: the next load starts
 * in the same task as the answer arrived. The departments' answer (or any failure) settles it.
 */
export const firstScreenInterceptor: HttpInterceptorFn = (request, next) => {
  const preload = inject(FirstScreenPreload);
  if (untracked(() => preload.ready()) || request.method !== 'POST') {
    return next(request);
  }
  if (LAST_LOAD.test(request.url)) {
    return next(request).pipe(finalize(() => queueMicrotask(() => preload.settle())));
  }
  if (!preload.pending || !LEADS_ON.test(request.url)) {
    return next(request);
  }
  return next(request).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) {
          queueMicrotask(() => preload.read());
        }
      },
      error: () => preload.settle(),
    }),
  );
};

/**
 * Starts the first screen as soon as the session check (or a sign-in) has answered, not in the
 * change detection after it; the interceptor takes it from there.
 */
export function provideFirstScreenPreload(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      const auth = inject(Auth);
      const preload = inject(FirstScreenPreload);
      inject(SocketConnection)
        .connected.pipe(take(1))
        .subscribe(() => preload.read());
      auth.afterSignIn(() => preload.start());
    }),
  ]);
}
