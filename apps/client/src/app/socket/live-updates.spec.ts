import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { SessionUser } from '@smart-sync/shared-types/mini';
import { ADMIN, fakeAuth } from '../auth/auth.testing';
import { EntitySignals } from '../entities/entity-signals';
import { provideLiveUpdates } from './live-updates';
import { NotificationDispatch } from './notification-dispatch';
import { SocketConnection } from './socket-connection';
import { StoreReleases } from './store-releases';
import { SubscribedRows } from './subscribed-rows';

describe('provideLiveUpdates', () => {
  async function start(user: SessionUser | null | 'checking' = ADMIN) {
    const { auth, provider } = fakeAuth(user);
    const connection = {
      notifications: new Subject<unknown>(),
      connected: new Subject<string>(),
      refused: new Subject<void>(),
      connect: jest.fn(),
      disconnect: jest.fn(),
    };
    const dispatch = { receive: jest.fn() };
    const steps: string[] = [];
    const entities = { reloadAll: jest.fn(() => steps.push('reload')) };
    const releases = jest.fn(() => ({}));
    TestBed.configureTestingModule({
      providers: [
        provideLiveUpdates(),
        provider,
        { provide: SocketConnection, useValue: connection },
        { provide: NotificationDispatch, useValue: dispatch },
        { provide: EntitySignals, useValue: entities },
        { provide: StoreReleases, useFactory: releases },
      ],
    });
    const subscribed = TestBed.inject(SubscribedRows);
    jest.spyOn(subscribed, 'reset').mockImplementation(() => steps.push('reset'));
    await TestBed.inject(ApplicationInitStatus).donePromise;
    TestBed.tick();
    return { auth, connection, dispatch, entities, releases, steps };
  }

  it('connects once signed in and hands every notification to the dispatch', async () => {
    const { connection, dispatch } = await start();
    expect(connection.connect).toHaveBeenCalledTimes(1);
    connection.notifications.next({ action: 'update', table: 'docs', ids: ['1'] });
    expect(dispatch.receive).toHaveBeenCalledWith({ action: 'update', table: 'docs', ids: ['1'] });
  });

  it('connects as soon as a sign-in is taken, before the next change detection', async () => {
    const { auth, connection } = await start('checking');
    auth.user.set(ADMIN);
    auth.signInHooks.forEach((hook) => hook());
    expect(connection.connect).toHaveBeenCalledTimes(1);
    auth.signingOut.set(true);
    auth.signInHooks.forEach((hook) => hook());
    expect(connection.connect).toHaveBeenCalledTimes(1);
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

  it('connects only once signed in, and disconnects when signed out', async () => {
    const { auth, connection } = await start('checking');
    expect(connection.connect).not.toHaveBeenCalled();
    auth.user.set(null);
    TestBed.tick();
    expect(connection.connect).not.toHaveBeenCalled();
    auth.user.set(ADMIN);
    TestBed.tick();
    expect(connection.connect).toHaveBeenCalledTimes(1);
    auth.user.set(null);
    TestBed.tick();
    expect(connection.disconnect).toHaveBeenCalled();
    auth.user.set(ADMIN);
    TestBed.tick();
    expect(connection.connect).toHaveBeenCalledTimes(2);
  });

  it('closes the socket as a sign-out starts, and opens it again if the sign-out failed', async () => {
    const { auth, connection } = await start();
    expect(connection.disconnect).not.toHaveBeenCalled();
    auth.signingOut.set(true);
    auth.signOutHooks.forEach((hook) => hook());
    expect(connection.disconnect).toHaveBeenCalledTimes(1);
    TestBed.tick();
    expect(connection.connect).toHaveBeenCalledTimes(1);
    auth.signingOut.set(false);
    TestBed.tick();
    expect(connection.connect).toHaveBeenCalledTimes(2);
  });

  it('checks the session again when the server refused or closed the socket', async () => {
    const { auth, connection } = await start();
    expect(auth.refresh).not.toHaveBeenCalled();
    connection.refused.next();
    expect(auth.refresh).toHaveBeenCalledTimes(1);
  });
});
