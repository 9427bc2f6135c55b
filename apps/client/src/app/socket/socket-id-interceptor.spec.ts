import { HttpClient, HttpRequest, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SOCKET_ID_HEADER } from '@smart-sync/shared-types/mini';
import { firstValueFrom } from 'rxjs';
import { LOAD_AGAIN } from './load-again';
import { SocketConnection } from './socket-connection';
import { loadedTable, rowIds, socketIdInterceptor } from './socket-id-interceptor';
import { SubscribedRows } from './subscribed-rows';

describe('socketIdInterceptor', () => {
  const socketId = signal<string | undefined>(undefined);
  let http: HttpClient;
  let backend: HttpTestingController;
  let subscribed: SubscribedRows;
  let loadAgain: jest.Mock;

  beforeEach(() => {
    socketId.set(undefined);
    loadAgain = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([socketIdInterceptor])),
        provideHttpClientTesting(),
        { provide: SocketConnection, useValue: { id: socketId } },
        { provide: LOAD_AGAIN, useValue: loadAgain },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    subscribed = TestBed.inject(SubscribedRows);
  });

  afterEach(() => backend.verify());

  it('sends the socket’s id with every request while it is connected', () => {
    socketId.set('abc');
    http.put('/api/docs', { id: '1', name: 'x' }).subscribe();
    http.delete('/api/docs/1').subscribe();
    for (const request of backend.match(() => true)) {
      expect(request.request.headers.get(SOCKET_ID_HEADER)).toBe('abc');
      request.flush(null);
    }
  });

  it('sends no id while the socket is not connected', () => {
    http.put('/api/docs', { id: '1', name: 'x' }).subscribe();
    const request = backend.expectOne('/api/docs');
    expect(request.request.headers.has(SOCKET_ID_HEADER)).toBe(false);
    request.flush([]);
  });

  it('sends the new id once the socket has reconnected under it', () => {
    socketId.set('old');
    http.delete('/api/docs/1').subscribe();
    backend.expectOne('/api/docs/1').flush(null);
    socketId.set(undefined);
    socketId.set('new');
    http.delete('/api/docs/2').subscribe();
    expect(backend.expectOne('/api/docs/2').request.headers.get(SOCKET_ID_HEADER)).toBe('new');
  });

  it('never sends the id to another origin', () => {
    socketId.set('abc');
    http.get('https://example.com/api/docs').subscribe();
    const request = backend.expectOne('https://example.com/api/docs');
    expect(request.request.headers.has(SOCKET_ID_HEADER)).toBe(false);
    request.flush(null);
  });

  it('counts the rows a load returned under the socket’s id, and only those', async () => {
    socketId.set('abc');
    const loaded = firstValueFrom(http.post('/api/docs', ['1', '2']));
    backend.expectOne('/api/docs').flush([{ id: '1' }, { id: '2' }]);
    await loaded;
    http.post('/api/docs/add', { name: 'x', parentId: 'd1' }).subscribe();
    backend.expectOne('/api/docs/add').flush([{ id: '3' }]);
    http.put('/api/docs', { id: '1', name: 'x' }).subscribe();
    backend.expectOne({ method: 'PUT', url: '/api/docs' }).flush([{ id: '1' }]);
    expect(subscribed.count()).toBe(2);
  });

  it('passes the rows on at once and loads them again under the new id when the socket connected while the load was on its way', async () => {
    const loaded = firstValueFrom(http.post('/api/top', ['1']));
    const first = backend.expectOne('/api/top');
    expect(first.request.headers.has(SOCKET_ID_HEADER)).toBe(false);
    socketId.set('abc');
    first.flush([{ id: '1', locations: ['l1'] }]);

    expect(await loaded).toEqual([{ id: '1', locations: ['l1'] }]);
    expect(loadAgain).toHaveBeenCalledWith('top', ['1']);
    expect(subscribed.count()).toBe(0);
  });

  it('loads nothing again when the socket’s id has not changed', async () => {
    socketId.set('abc');
    const loaded = firstValueFrom(http.post('/api/locations', ['l1']));
    backend.expectOne('/api/locations').flush([{ id: 'l1' }]);
    await loaded;
    expect(loadAgain).not.toHaveBeenCalled();
  });

  it('passes a load on as it is when the socket dropped while it was on its way', async () => {
    socketId.set('abc');
    const loaded = firstValueFrom(http.post('/api/locations', ['l1']));
    socketId.set(undefined);
    backend.expectOne('/api/locations').flush([{ id: 'l1' }]);
    expect(await loaded).toEqual([{ id: 'l1' }]);
    expect(subscribed.count()).toBe(0);
  });
});

describe('loadedTable', () => {
  const request = (method: string, url: string) => new HttpRequest(method, url, null);

  it.each([
    ['/api/top', 'top'],
    ['/api/departments', 'departments'],
    ['/api/sprintFolders', 'sprintFolders'],
  ])('knows POST %s loads %s', (url, table) => {
    expect(loadedTable(request('POST', url))).toBe(table);
  });

  it.each([
    ['PUT', '/api/docs'],
    ['POST', '/api/docs/add'],
    ['POST', '/api/departments/indexes'],
    ['POST', '/api/health'],
    ['DELETE', '/api/docs/1'],
  ])('knows %s %s loads nothing', (method, url) => {
    expect(loadedTable(request(method, url))).toBeUndefined();
  });
});

describe('rowIds', () => {
  it('reads the id of each row, skipping anything else', () => {
    expect(rowIds([{ id: '1' }, { id: 2 }, null, { name: 'x' }, { id: 'b' }])).toEqual(['1', 'b']);
    expect(rowIds({ id: '1' })).toEqual([]);
    expect(rowIds(null)).toEqual([]);
  });
});
