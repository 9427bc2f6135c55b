import { TestBed } from '@angular/core/testing';
import { handleSocketNotification } from '@smarttools/smart-signals';
import { io } from 'socket.io-client';
import { ACTIVITY_LIMIT, SocketService } from './socket.service';

jest.mock('@smarttools/smart-signals', () => ({ handleSocketNotification: jest.fn() }));

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

describe('SocketService', () => {
  let service: SocketService;
  let warn: jest.SpyInstance;

  beforeEach(() => {
    fakeSocket = new FakeSocket();
    jest.mocked(handleSocketNotification).mockReset();
    jest.mocked(io).mockClear();
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    service = TestBed.inject(SocketService);
    service.connect();
  });

  afterEach(() => warn.mockRestore());

  it('connects to the /data namespace of the page’s own origin, once', () => {
    service.connect();
    expect(io).toHaveBeenCalledTimes(1);
    expect(io).toHaveBeenCalledWith('/data');
  });

  it('translates a valid message and hands it to SmartNgRX', () => {
    fakeSocket.fire('message', { action: 'update', table: 'sprintFolders', ids: ['a', 'b'] });
    expect(handleSocketNotification).toHaveBeenCalledWith('departmentChildren', 'update', [
      'sprint-folders:a',
      'sprint-folders:b',
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('passes tables the client shares with the server through unchanged', () => {
    fakeSocket.fire('message', { action: 'delete', table: 'departments', ids: ['d1'] });
    expect(handleSocketNotification).toHaveBeenCalledWith('departments', 'delete', ['d1']);
  });

  it.each([
    ['an unknown table', { action: 'update', table: 'departmentChildren', ids: ['1'] }],
    ['a create action', { action: 'create', table: 'docs', ids: ['1'] }],
    ['no ids', { action: 'update', table: 'docs', ids: [] }],
    ['a string', 'update docs 1'],
    ['null', null],
  ])('drops %s with a console warning', (_label, message) => {
    fakeSocket.fire('message', message);
    expect(handleSocketNotification).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('Dropped an invalid socket message'),
      message,
    );
  });

  it('keeps the latest messages, newest first, raw and translated, or why they were dropped', () => {
    fakeSocket.fire('message', { action: 'update', table: 'docs', ids: ['1'] });
    fakeSocket.fire('message', { action: 'explode', table: 'docs', ids: ['1'] });
    const [dropped, applied] = service.activity();
    expect(applied.raw).toBe('{"action":"update","table":"docs","ids":["1"]}');
    expect(applied.translated).toEqual({
      action: 'update',
      table: 'departmentChildren',
      ids: ['docs:1'],
    });
    expect(applied.time).toBeInstanceOf(Date);
    expect(dropped.translated).toBeUndefined();
    expect(dropped.problem).toContain('action');
  });

  it(`keeps at most ${ACTIVITY_LIMIT} messages`, () => {
    for (let i = 0; i < ACTIVITY_LIMIT + 5; i++) {
      fakeSocket.fire('message', { action: 'update', table: 'locations', ids: [`${i}`] });
    }
    expect(service.activity()).toHaveLength(ACTIVITY_LIMIT);
    expect(service.activity()[0].translated?.ids).toEqual([`${ACTIVITY_LIMIT + 4}`]);
  });

  it('keeps listening when SmartNgRX cannot apply a message', () => {
    jest.mocked(handleSocketNotification).mockImplementationOnce(() => {
      throw new Error('Child definition not found');
    });
    fakeSocket.fire('message', { action: 'delete', table: 'docs', ids: ['1'] });
    fakeSocket.fire('message', { action: 'delete', table: 'docs', ids: ['2'] });
    expect(handleSocketNotification).toHaveBeenLastCalledWith('departmentChildren', 'delete', [
      'docs:2',
    ]);
  });

  it('reports the connection: offline, connected, reconnecting, then offline when it gives up', () => {
    expect(service.status()).toBe('offline');
    fakeSocket.connected = true;
    fakeSocket.fire('connect');
    expect(service.status()).toBe('connected');
    fakeSocket.connected = false;
    fakeSocket.fire('disconnect', 'transport close');
    expect(service.status()).toBe('reconnecting');
    fakeSocket.fire('connect_error', new Error('refused'));
    expect(service.status()).toBe('reconnecting');
    fakeSocket.managerHandlers.get('reconnect_failed')?.();
    expect(service.status()).toBe('offline');
  });

  it('announces a reconnect, but not the first connect', () => {
    let reconnects = 0;
    service.reconnected.subscribe(() => reconnects++);
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
