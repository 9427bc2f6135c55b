import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SOCKET_ID_HEADER } from '@smart-sync/shared-types/mini';
import { firstValueFrom } from 'rxjs';
import { PageFirstScreen } from './page-first-screen';
import { pageRowsInterceptor } from './page-rows-interceptor';

describe('pageRowsInterceptor', () => {
  const rows = [{ id: 'l1', name: 'One', departments: [] }];
  let take: jest.Mock;
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    take = jest.fn((table: string) => (table === 'locations' ? rows : undefined));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([pageRowsInterceptor])),
        provideHttpClientTesting(),
        { provide: PageFirstScreen, useValue: { take } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('answers a first load the page holds the rows of, without a request', async () => {
    await expect(firstValueFrom(http.post('/api/locations', ['l1']))).resolves.toEqual(rows);
    expect(take).toHaveBeenCalledWith('locations', ['l1']);
    backend.expectNone('/api/locations');
  });

  it('sends a load the page cannot answer on to the server', async () => {
    const loaded = firstValueFrom(http.post('/api/departments', ['d1']));
    backend.expectOne('/api/departments').flush([]);
    await expect(loaded).resolves.toEqual([]);
  });

  it('sends a load under a socket on to the server, which subscribes the socket', () => {
    http.post('/api/locations', ['l1'], { headers: { [SOCKET_ID_HEADER]: 's1' } }).subscribe();
    backend.expectOne('/api/locations').flush(rows);
    expect(take).not.toHaveBeenCalled();
  });

  it('leaves every other request alone', () => {
    http.put('/api/locations', { id: 'l1', name: 'x', version: 1 }).subscribe();
    http.post('/api/docs', ['c1']).subscribe();
    http.post('/api/locations/add', { name: 'x' }).subscribe();
    backend.expectOne({ method: 'PUT', url: '/api/locations' }).flush([]);
    backend.expectOne('/api/docs').flush([]);
    backend.expectOne('/api/locations/add').flush([]);
    expect(take).not.toHaveBeenCalled();
  });
});
