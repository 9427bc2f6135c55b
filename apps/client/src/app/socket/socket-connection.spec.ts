import { TestBed } from '@angular/core/testing';
import { io } from 'socket.io-client';
import { SocketConnection } from './socket-connection';

type Handler = (...args: unknown[]) => void;

/** A stand-in for a socket.io client socket that lets the test fire its events. */
class FakeSocket {
  connected = false;
  active = true;
  id: string | undefined;
  readonly handlers = new Map<string, Handler>();
  readonly managerHandlers = new Map<string, Handler>();
  readonly io = {
    on: (event: string, handler: Handler) => this.managerHandlers.set(event, handler),
  };
  readonly disconnect = jest.fn();
  readonly emit = jest.fn();

  on(event: string, handler: Handler): this {
    this.handlers.set(event, handler);
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    this.handlers.get(event)?.(...args);
  }

  /** Connects under a new id, as socket.io does after every loss. */
  connectAs(id: string): void {
    this.connected = true;
    this.id = id;
    this.fire('connect');
  }

  drop(): void {
    this.connected = false;
    this.id = undefined;
    this.fire('disconnect', 'transport close');
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

  it('connects to the /data namespace of the page’s own origin, once, by WebSocket first', () => {
    connection.connect();
    expect(io).toHaveBeenCalledTimes(1);
    expect(io).toHaveBeenCalledWith('/data', {
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
    });
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

  it('announces every connect with the socket’s id, the first one too', () => {
    const connects: string[] = [];
    connection.connected.subscribe((id) => connects.push(id));
    fakeSocket.connectAs('first');
    fakeSocket.drop();
    fakeSocket.connectAs('second');
    expect(connects).toEqual(['first', 'second']);
  });

  it('knows the socket’s id only while it is connected', () => {
    expect(connection.id()).toBeUndefined();
    fakeSocket.connectAs('first');
    expect(connection.id()).toBe('first');
    fakeSocket.drop();
    expect(connection.id()).toBeUndefined();
    fakeSocket.fire('connect_error', new Error('refused'));
    expect(connection.id()).toBeUndefined();
    fakeSocket.connectAs('second');
    expect(connection.id()).toBe('second');
  });

  it('sends a release while connected, and drops it while not', () => {
    const release = { table: 'docs', ids: ['1'] } as const;
    connection.release(release);
    fakeSocket.connectAs('first');
    connection.release(release);
    fakeSocket.drop();
    connection.release(release);
    expect(fakeSocket.emit).toHaveBeenCalledTimes(1);
    expect(fakeSocket.emit).toHaveBeenCalledWith('release', release);
  });

  it('closes the socket on disconnect, ignores it from then on, and connects anew after', () => {
    const old = fakeSocket;
    const connects: string[] = [];
    connection.connected.subscribe((id) => connects.push(id));
    old.connectAs('first');
    connection.disconnect();
    expect(old.disconnect).toHaveBeenCalledTimes(1);
    expect([connection.status(), connection.id()]).toEqual(['offline', undefined]);

    old.connectAs('late');
    expect([connection.status(), connection.id()]).toEqual(['offline', undefined]);

    fakeSocket = new FakeSocket();
    connection.connect();
    expect(io).toHaveBeenCalledTimes(2);
    fakeSocket.connectAs('second');
    expect(connects).toEqual(['first', 'second']);
    expect(connection.id()).toBe('second');
  });

  it('says when the server refused the socket or closed it, not when it merely dropped', () => {
    let refusals = 0;
    connection.refused.subscribe(() => refusals++);
    fakeSocket.fire('connect_error', new Error('unreachable'));
    fakeSocket.drop();
    expect(refusals).toBe(0);
    fakeSocket.active = false;
    fakeSocket.fire('connect_error', new Error('unauthorized'));
    expect(refusals).toBe(1);
    expect(connection.status()).toBe('offline');
    fakeSocket.fire('disconnect', 'io server disconnect');
    expect(refusals).toBe(2);
  });

  it('disconnects when the app is destroyed', () => {
    TestBed.resetTestingModule();
    expect(fakeSocket.disconnect).toHaveBeenCalled();
  });
});
