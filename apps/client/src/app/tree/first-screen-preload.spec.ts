import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ADMIN, fakeAuth } from '../auth/auth.testing';
import { EntitySignals } from '../entities/entity-signals';
import {
  FirstScreenPreload,
  firstScreenInterceptor,
  provideFirstScreenPreload,
  readFirstScreen,
} from './first-screen-preload';

type Entities = Pick<EntitySignals, 'locationRows'>;

/** A location whose department list records whether it was read (iterated). */
function location(id: string, isLoading = false) {
  const read = jest.fn();
  const departments = {
    [Symbol.iterator]: () => {
      read();
      return [][Symbol.iterator]();
    },
  };
  return { row: { id, name: id, isLoading, departments }, read };
}

function entitiesWith(...rows: ReturnType<typeof location>['row'][]): Entities {
  return { locationRows: signal(rows) } as unknown as Entities;
}

describe('readFirstScreen', () => {
  it('waits while no location has loaded', () => {
    const loading = location('l1', true);
    expect(readFirstScreen(entitiesWith())).toBe(false);
    expect(readFirstScreen(entitiesWith(loading.row))).toBe(false);
    expect(loading.read).not.toHaveBeenCalled();
  });

  it('reads the departments of the first loaded location, as the tree selects it, and only those', () => {
    const loading = location('l1', true);
    const first = location('l2');
    const second = location('l3');
    expect(readFirstScreen(entitiesWith(loading.row, first.row, second.row))).toBe(true);
    expect(first.read).toHaveBeenCalled();
    expect(loading.read).not.toHaveBeenCalled();
    expect(second.read).not.toHaveBeenCalled();
  });
});

describe('firstScreenInterceptor', () => {
  function setup(pending = true) {
    const preload = { pending, read: jest.fn() };
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

  it('leaves other requests alone, and everything once the first screen is asked for', async () => {
    const { preload, http, backend } = setup();
    http.post('/api/departments', ['d1']).subscribe();
    backend.expectOne('/api/departments').flush([]);
    preload.pending = false;
    http.post('/api/locations', ['l1']).subscribe();
    backend.expectOne('/api/locations').flush([]);
    await Promise.resolve();
    expect(preload.read).not.toHaveBeenCalled();
  });
});

describe('provideFirstScreenPreload', () => {
  it('reads the first screen as soon as a sign-in is taken, before any change detection', async () => {
    const { auth, provider } = fakeAuth('checking');
    const preload = { pending: true, read: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideFirstScreenPreload(),
        provider,
        { provide: FirstScreenPreload, useValue: preload },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    expect(preload.read).not.toHaveBeenCalled();
    auth.user.set(ADMIN);
    auth.signInHooks.forEach((hook) => hook());
    expect(preload.read).toHaveBeenCalledTimes(1);
  });
});
