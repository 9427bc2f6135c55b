import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LOAD_AGAIN } from './load-again';
import { LoadsInFlight, loadsInFlightInterceptor } from './loads-in-flight';

describe('LoadsInFlight', () => {
  let loads: LoadsInFlight;
  let loadAgain: jest.Mock;

  beforeEach(() => {
    loadAgain = jest.fn();
    TestBed.configureTestingModule({ providers: [{ provide: LOAD_AGAIN, useValue: loadAgain }] });
    loads = TestBed.inject(LoadsInFlight);
  });

  it('loads again, once answered, the rows a notification changed while they were loading', () => {
    const ended = loads.started('locations', ['l1', 'l2', 'l3']);
    loads.changedMeanwhile('locations', ['l2', 'l9']);
    loads.changedMeanwhile('departments', ['l1']);
    expect(loadAgain).not.toHaveBeenCalled();
    ended();
    expect(loadAgain).toHaveBeenCalledTimes(1);
    expect(loadAgain).toHaveBeenCalledWith('locations', ['l2']);
  });

  it('waits for the last of two loads of the same row', () => {
    const first = loads.started('docs', ['c1']);
    const second = loads.started('docs', ['c1', 'c2']);
    loads.changedMeanwhile('docs', ['c1', 'c2']);
    first();
    expect(loadAgain).not.toHaveBeenCalled();
    second();
    expect(loadAgain).toHaveBeenCalledWith('docs', ['c1', 'c2']);
  });

  it('loads every row of a table on its way again when all of them may have changed', () => {
    const first = loads.started('departments', ['d1', 'd2']);
    const second = loads.started('departments', ['d3']);
    loads.allChangedMeanwhile('departments');
    loads.allChangedMeanwhile('locations');
    first();
    second();
    expect(loadAgain.mock.calls).toEqual([
      ['departments', ['d1', 'd2']],
      ['departments', ['d3']],
    ]);
  });

  it('loads nothing again for a change that came before or after the load', () => {
    loads.changedMeanwhile('docs', ['c1']);
    const ended = loads.started('docs', ['c1']);
    ended();
    ended();
    loads.changedMeanwhile('docs', ['c1']);
    loads.started('docs', ['c1'])();
    expect(loadAgain).not.toHaveBeenCalled();
  });
});

describe('loadsInFlightInterceptor', () => {
  let loads: { started: jest.Mock; ended: jest.Mock };
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    const ended = jest.fn();
    loads = { started: jest.fn(() => ended), ended };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([loadsInFlightInterceptor])),
        provideHttpClientTesting(),
        { provide: LoadsInFlight, useValue: loads },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('tells of a load by ids when it is sent, and when it has been answered', () => {
    http.post('/api/top', ['1']).subscribe();
    expect(loads.started).toHaveBeenCalledWith('top', ['1']);
    expect(loads.ended).not.toHaveBeenCalled();
    backend.expectOne('/api/top').flush([]);
    expect(loads.ended).toHaveBeenCalledTimes(1);
  });

  it('tells of a load that failed as ended too', () => {
    http.post('/api/docs', ['c1']).subscribe({ error: () => undefined });
    backend.expectOne('/api/docs').flush('down', { status: 503, statusText: 'Down' });
    expect(loads.started).toHaveBeenCalledWith('docs', ['c1']);
    expect(loads.ended).toHaveBeenCalledTimes(1);
  });

  it('counts a page of a department’s children as a load of that department', () => {
    http.post('/api/departments/indexes', { parentId: 'd1', startIndex: 0, length: 5 }).subscribe();
    expect(loads.started).toHaveBeenCalledWith('departments', ['d1']);
    backend.expectOne('/api/departments/indexes').flush({});
    expect(loads.ended).toHaveBeenCalledTimes(1);
  });

  it('leaves other requests alone', () => {
    http.put('/api/docs', { id: 'c1', name: 'x' }).subscribe();
    http.post('/api/docs/add', { name: 'x', parentId: 'd1' }).subscribe();
    http.delete('/api/docs/c1').subscribe();
    backend.expectOne({ method: 'PUT', url: '/api/docs' }).flush([]);
    backend.expectOne('/api/docs/add').flush([]);
    backend.expectOne('/api/docs/c1').flush(null);
    expect(loads.started).not.toHaveBeenCalled();
  });
});
