import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EntitySignals } from '../entities/entity-signals';
import { SocketConnection } from './socket-connection';
import { StoreReleases } from './store-releases';
import { SubscribedRows } from './subscribed-rows';

describe('StoreReleases', () => {
  function start(held: { departments?: string[]; departmentChildren?: string[] }) {
    const ids = {
      top: signal<readonly string[]>(['1']),
      locations: signal<readonly string[]>([]),
      departments: signal<readonly string[]>(held.departments ?? []),
      departmentChildren: signal<readonly string[]>(held.departmentChildren ?? []),
    };
    const connection = { release: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        { provide: EntitySignals, useValue: { ids } },
        { provide: SocketConnection, useValue: connection },
      ],
    });
    const subscribed = TestBed.inject(SubscribedRows);
    subscribed.loaded('docs', ['1', '2', '3']);
    subscribed.loaded('departments', ['d1', 'd2']);
    TestBed.inject(StoreReleases);
    TestBed.tick();
    return { ids, release: connection.release, subscribed };
  }

  it('releases nothing for the rows held when it starts', () => {
    const { release } = start({ departments: ['d1'], departmentChildren: ['docs:1'] });
    expect(release).not.toHaveBeenCalled();
  });

  it('releases the rows that leave the store, in server tables and ids', () => {
    const { ids, release, subscribed } = start({
      departmentChildren: ['docs:1', 'docs:2', 'lists:7', 'docs:3'],
      departments: ['d1', 'd2'],
    });
    ids.departmentChildren.set(['docs:2']);
    ids.departments.set(['d2', 'd3']);
    TestBed.tick();
    expect(release.mock.calls).toEqual([
      [{ table: 'departments', ids: ['d1'] }],
      [{ table: 'docs', ids: ['1', '3'] }],
      [{ table: 'lists', ids: ['7'] }],
    ]);
    expect(subscribed.count()).toBe(2);
  });

  it('releases nothing when rows only come, or an unsaved row goes', () => {
    const { ids, release } = start({ departmentChildren: ['docs:1'] });
    ids.departmentChildren.set(['docs:1', 'docs:new-lx3k2-1']);
    TestBed.tick();
    ids.departmentChildren.set(['docs:1', 'docs:9']);
    TestBed.tick();
    expect(release).not.toHaveBeenCalled();
  });
});
