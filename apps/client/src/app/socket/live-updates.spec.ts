import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { EntitySignals } from '../entities/entity-signals';
import { provideLiveUpdates } from './live-updates';
import { NotificationDispatch } from './notification-dispatch';
import { SocketConnection } from './socket-connection';

describe('provideLiveUpdates', () => {
  async function start() {
    const connection = {
      notifications: new Subject<unknown>(),
      reconnected: new Subject<void>(),
      connect: jest.fn(),
    };
    const dispatch = { receive: jest.fn() };
    const entities = { reloadAll: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideLiveUpdates(),
        { provide: SocketConnection, useValue: connection },
        { provide: NotificationDispatch, useValue: dispatch },
        { provide: EntitySignals, useValue: entities },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    return { connection, dispatch, entities };
  }

  it('connects at start-up and hands every notification to the dispatch', async () => {
    const { connection, dispatch } = await start();
    expect(connection.connect).toHaveBeenCalledTimes(1);
    connection.notifications.next({ action: 'update', table: 'docs', ids: ['1'] });
    expect(dispatch.receive).toHaveBeenCalledWith({ action: 'update', table: 'docs', ids: ['1'] });
  });

  it('reloads everything after the socket reconnects', async () => {
    const { connection, entities } = await start();
    expect(entities.reloadAll).not.toHaveBeenCalled();
    connection.reconnected.next();
    expect(entities.reloadAll).toHaveBeenCalledTimes(1);
  });
});
