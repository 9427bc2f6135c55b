import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { EntitySignals } from '../entities/entity-signals';
import { provideLiveUpdates } from './live-updates';
import { NotificationDispatch } from './notification-dispatch';
import { SocketConnection } from './socket-connection';
import { StoreReleases } from './store-releases';
import { SubscribedRows } from './subscribed-rows';

describe('provideLiveUpdates', () => {
  async function start() {
    const connection = {
      notifications: new Subject<unknown>(),
      connected: new Subject<string>(),
      connect: jest.fn(),
    };
    const dispatch = { receive: jest.fn() };
    const steps: string[] = [];
    const entities = { reloadAll: jest.fn(() => steps.push('reload')) };
    const releases = jest.fn(() => ({}));
    TestBed.configureTestingModule({
      providers: [
        provideLiveUpdates(),
        { provide: SocketConnection, useValue: connection },
        { provide: NotificationDispatch, useValue: dispatch },
        { provide: EntitySignals, useValue: entities },
        { provide: StoreReleases, useFactory: releases },
      ],
    });
    const subscribed = TestBed.inject(SubscribedRows);
    jest.spyOn(subscribed, 'reset').mockImplementation(() => steps.push('reset'));
    await TestBed.inject(ApplicationInitStatus).donePromise;
    return { connection, dispatch, entities, releases, steps };
  }

  it('connects at start-up and hands every notification to the dispatch', async () => {
    const { connection, dispatch } = await start();
    expect(connection.connect).toHaveBeenCalledTimes(1);
    connection.notifications.next({ action: 'update', table: 'docs', ids: ['1'] });
    expect(dispatch.receive).toHaveBeenCalledWith({ action: 'update', table: 'docs', ids: ['1'] });
  });

  it('forgets the old subscriptions, then reloads everything, at every connect', async () => {
    const { connection, steps } = await start();
    expect(steps).toEqual([]);
    connection.connected.next('first');
    expect(steps).toEqual(['reset', 'reload']);
    connection.connected.next('second');
    expect(steps).toEqual(['reset', 'reload', 'reset', 'reload']);
  });

  it('starts releasing dropped rows once connected', async () => {
    const { connection, releases } = await start();
    expect(releases).not.toHaveBeenCalled();
    connection.connected.next('first');
    connection.connected.next('second');
    expect(releases).toHaveBeenCalledTimes(1);
  });
});
