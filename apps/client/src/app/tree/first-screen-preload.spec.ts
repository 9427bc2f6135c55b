import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, Subject } from 'rxjs';
import { ADMIN, fakeAuth } from '../auth/auth.testing';
import { EntitySignals } from '../entities/entity-signals';
import { PageFirstScreen } from '../page/page-first-screen';
import { SocketConnection } from '../socket/socket-connection';
import {
  FIRST_SCREEN_WAIT_MS,
  FirstScreenPreload,
  firstScreenInterceptor,
  provideFirstScreenPreload,
  readFirstScreen,
  SOCKET_WAIT_MS,
} from './first-screen-preload';

type Entities = Pick<EntitySignals, 'locationRows'>;

/** A location whose department list records whether it was read (iterated). */
function location(id: string, isLoading = false, departments: { isLoading?: boolean }[] = []) {
  const read = jest.fn();
  const list = {
    [Symbol.iterator]: () => {
      read();
      return departments[Symbol.iterator]();
    },
  };
  return { row: { id, name: id, isLoading, departments: list }, read };
}

function entitiesWith(...rows: ReturnType<typeof location>['row'][]): Entities {
  return { locationRows: signal(rows) } as unknown as Entities;
}

describe('readFirstScreen', () => {
  it('waits while no location has loaded', () => {
    const loading = location('l1', true);
    expect(readFirstScreen(entitiesWith())).toBe('waiting');
    expect(readFirstScreen(entitiesWith(loading.row))).toBe('waiting');
    expect(loading.read).not.toHaveBeenCalled();
  });

  it('reads the departments of the first loaded location, as the tree selects it, and only those', () => {
    const loading = location('l1', true);
    const first = location('l2', false, [{ isLoading: true }, {}]);
    const second = location('l3');
    expect(readFirstScreen(entitiesWith(loading.row, first.row, second.row))).toBe('asked');
    expect(first.read).toHaveBeenCalled();
    expect(loading.read).not.toHaveBeenCalled();
    expect(second.read).not.toHaveBeenCalled();
  });

  it('is loaded once those departments are (or the location has none)', () => {
    expect(readFirstScreen(entitiesWith(location('l1', false, [{}, {}]).row))).toBe('loaded');
    expect(readFirstScreen(entitiesWith(location('l1').row))).toBe('loaded');
  });
});

describe('FirstScreenPreload', () => {
  const connected = new Subject<string>();
  const socketId = signal<string | undefined>(undefined);

  function setup(state: 'waiting' | 'asked' | 'loaded' = 'asked', pageRows = false) {
    jest.useFakeTimers();
    socketId.set(undefined);
    const { user, provider } = fakeAuth('checking');
    const locations = {
      waiting: [],
      asked: [location('l1', false, [{ isLoading: true }]).row],
      loaded: [location('l1', false, [{}]).row],
    }[state];
    const entities = entitiesWith(...locations);
    TestBed.configureTestingModule({
      providers: [
        provider,
        { provide: EntitySignals, useValue: entities },
        { provide: SocketConnection, useValue: { connected, id: socketId } },
        { provide: PageFirstScreen, useValue: { hasRows: pageRows } },
      ],
    });
    const preload = TestBed.inject(FirstScreenPreload);
    return { preload, user };
  }

  afterEach(() => jest.useRealTimers());

  it('reads once signed in and the socket has connected, so the loads subscribe it', () => {
    const { preload, user } = setup();
    user.set(ADMIN);
    preload.start();
    expect(preload.pending).toBe(true);
    socketId.set('s1');
    connected.next('s1');
    expect(preload.pending).toBe(false);
    expect(preload.ready()).toBe(false);
  });

  it('reads without the socket once waiting for it took too long', () => {
    const { preload, user } = setup();
    user.set(ADMIN);
    preload.start();
    jest.advanceTimersByTime(SOCKET_WAIT_MS - 1);
    expect(preload.pending).toBe(true);
    jest.advanceTimersByTime(1);
    expect(preload.pending).toBe(false);
  });

  it('reads at once, without waiting for the socket, when the page holds the first rows', () => {
    const { preload, user } = setup('asked', true);
    user.set(ADMIN);
    preload.start();
    jest.runAllTicks();
    expect(preload.pending).toBe(false);
  });

  it('is ready as soon as the rows are in, or once it has waited long enough', () => {
    const loaded = setup('loaded');
    loaded.user.set(ADMIN);
    loaded.preload.start();
    connected.next('s1');
    expect(loaded.preload.ready()).toBe(true);
    TestBed.resetTestingModule();

    const slow = setup('waiting');
    slow.user.set(ADMIN);
    slow.preload.start();
    connected.next('s1');
    jest.advanceTimersByTime(FIRST_SCREEN_WAIT_MS - 1);
    expect(slow.preload.ready()).toBe(false);
    jest.advanceTimersByTime(1);
    expect(slow.preload.ready()).toBe(true);
  });

  it('reads nothing while nobody is signed in', () => {
    const { preload } = setup();
    preload.start();
    connected.next('s1');
    expect(preload.pending).toBe(true);
  });
});

describe('firstScreenInterceptor', () => {
  function setup(pending = true) {
    const ready = signal(false);
    const preload = { pending, ready, read: jest.fn(), settle: jest.fn(() => ready.set(true)) };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([firstScreenInterceptor])),
        provideHttpClientTesting(),
        { provide: FirstScreenPreload, useValue: preload },
      ],
    });
    return {
      preload,
      http: TestBed.inject(HttpClient),
      backend: TestBed.inject(HttpTestingController),
    };
  }

  it('reads the first screen again once a top or locations load has been handed on', async () => {
    const { preload, http, backend } = setup();
    const loaded = firstValueFrom(http.post('/api/top', ['1']));
    backend.expectOne('/api/top').flush([{ id: '1', locations: ['l1'] }]);
    expect(preload.read).not.toHaveBeenCalled();
    await loaded;
    await Promise.resolve();
    expect(preload.read).toHaveBeenCalledTimes(1);
  });

  it('settles once the departments have been answered', async () => {
    const { preload, http, backend } = setup();
    const loaded = firstValueFrom(http.post('/api/departments', ['d1']));
    backend.expectOne('/api/departments').flush([]);
    await loaded;
    await Promise.resolve();
    expect(preload.settle).toHaveBeenCalledTimes(1);
  });

  it('settles when a load it waits on failed: the app shows, with what it has', () => {
    const { preload, http, backend } = setup();
    http.post('/api/locations', ['l1']).subscribe({ error: () => undefined });
    backend.expectOne('/api/locations').flush('down', { status: 503, statusText: 'Down' });
    expect(preload.settle).toHaveBeenCalledTimes(1);
    expect(preload.read).not.toHaveBeenCalled();
  });

  it('leaves other requests alone, and everything once the first screen is ready', async () => {
    const { preload, http, backend } = setup();
    http.post('/api/docs', ['c1']).subscribe();
    backend.expectOne('/api/docs').flush([]);
    preload.ready.set(true);
    http.post('/api/locations', ['l1']).subscribe();
    backend.expectOne('/api/locations').flush([]);
    await Promise.resolve();
    expect(preload.read).not.toHaveBeenCalled();
  });
});

describe('provideFirstScreenPreload', () => {
  it('starts the first screen as soon as a sign-in is taken, before any change detection', async () => {
    const { auth, provider } = fakeAuth('checking');
    const preload = { start: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideFirstScreenPreload(),
        provider,
        { provide: FirstScreenPreload, useValue: preload },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    expect(preload.start).not.toHaveBeenCalled();
    auth.user.set(ADMIN);
    auth.signInHooks.forEach((hook) => hook());
    expect(preload.start).toHaveBeenCalledTimes(1);
  });
});
