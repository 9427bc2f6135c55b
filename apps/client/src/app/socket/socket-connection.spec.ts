import { TestBed } from '@angular/core/testing';
import { io } from 'socket.io-client';
import { SocketConnection } from './socket-connection';

type Handler = (...args: unknown[]) => void;

/** A stand-in for a socket.io client socket that lets the test fire its events. */
class FakeSocket {
  connected = false;
  active = true;
  readonly handlers = new Map<string, Handler>();
  readonly managerHandlers = new Map<string, Handler>();
  readonly io = {
    on: (event: string, handler: Handler) => this.managerHandlers.set(event, handler),
  };
  readonly disconnect = jest.fn();

  on(event: string, handler: Handler): this {
    this.handlers.set(event, handler);
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    this.handlers.get(event)?.(...args);
  }
}

let fakeSocket: FakeSocket;
jest.mock('socket.io-client', () => ({ io: jest.fn(() => fakeSocket) }));

describe('SocketConnection', () => {
  let connection: SocketConnection;

  beforeEach(() => {
    fakeSocket = new FakeSocket();
    jest.mocked(io).mockClear();
    connection = TestBed.inject(SocketConnection);
    connection.connect();
  });

  it('connects to the /data namespace of the page’s own origin, once', () => {
    connection.connect();
    expect(io).toHaveBeenCalledTimes(1);
    expect(io).toHaveBeenCalledWith('/data');
  });

  it('passes on every message of the notification event as it arrived, unchecked', () => {
    const received: unknown[] = [];
    connection.notifications.subscribe((message) => received.push(message));
    fakeSocket.fire('message', { action: 'update', table: 'docs', ids: ['1'] });
    fakeSocket.fire('message', 'not a notification');
    expect(received).toEqual([
      { action: 'update', table: 'docs', ids: ['1'] },
      'not a notification',
    ]);
  });

  it('reports the connection: offline, connected, reconnecting, then offline when it gives up', () => {
    expect(connection.status()).toBe('offline');
    fakeSocket.connected = true;
    fakeSocket.fire('connect');
    expect(connection.status()).toBe('connected');
    fakeSocket.connected = false;
    fakeSocket.fire('disconnect', 'transport close');
    expect(connection.status()).toBe('reconnecting');
    fakeSocket.fire('connect_error', new Error('refused'));
    expect(connection.status()).toBe('reconnecting');
    fakeSocket.managerHandlers.get('reconnect_failed')?.();
    expect(connection.status()).toBe('offline');
  });

  it('announces a reconnect, but not the first connect', () => {
    let reconnects = 0;
    connection.reconnected.subscribe(() => reconnects++);
    fakeSocket.fire('connect');
    expect(reconnects).toBe(0);
    fakeSocket.fire('disconnect', 'transport close');
    fakeSocket.fire('connect');
    expect(reconnects).toBe(1);
  });

  it('disconnects when the app is destroyed', () => {
    TestBed.resetTestingModule();
    expect(fakeSocket.disconnect).toHaveBeenCalled();
  });
});
