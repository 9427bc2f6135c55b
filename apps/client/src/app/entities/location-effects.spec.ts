import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { smartErrorHandlerToken } from '@smarttools/smart-signals';
import { firstValueFrom, toArray } from 'rxjs';
import { AddOutcome, AddOutcomes } from './add-outcomes';
import { LocationEffects } from './location-effects';
import { TopEffects } from './top-effects';

describe('TopEffects and LocationEffects', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        TopEffects,
        LocationEffects,
        { provide: smartErrorHandlerToken, useValue: { handleError: jest.fn() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads the top row: every location id', async () => {
    const rows = firstValueFrom(TestBed.inject(TopEffects).loadByIds(['1']));
    const post = http.expectOne({ method: 'POST', url: '/api/top' });
    expect(post.request.body).toEqual(['1']);
    post.flush([{ id: '1', locations: ['l1', 'l2'] }]);
    expect(await rows).toEqual([{ id: '1', locations: ['l1', 'l2'] }]);
  });

  it('reports a failed load and ends it without rows, so SmartNgRX goes on loading later', async () => {
    const handler = TestBed.inject(smartErrorHandlerToken);
    const loads = [
      { effects: TestBed.inject(TopEffects), ids: ['1'], url: '/api/top' },
      { effects: TestBed.inject(LocationEffects), ids: ['l1'], url: '/api/locations' },
    ];
    for (const { effects, ids, url } of loads) {
      const emitted = firstValueFrom(effects.loadByIds(ids).pipe(toArray()));
      http.expectOne(url).flush(null, { status: 503, statusText: 'Unavailable' });
      expect(await emitted).toEqual([]);
    }
    expect(handler.handleError).toHaveBeenCalledTimes(2);
  });

  it('loads, renames and adds locations with their ids unchanged', async () => {
    const effects = TestBed.inject(LocationEffects);
    const loaded = firstValueFrom(effects.loadByIds(['l1']));
    http
      .expectOne('/api/locations')
      .flush([{ id: 'l1', name: 'Paris', version: 1, departments: ['d1'] }]);
    expect(await loaded).toEqual([{ id: 'l1', name: 'Paris', version: 1, departments: ['d1'] }]);

    const renamed = firstValueFrom(
      effects.update({ id: 'l1', name: 'Lyon', version: 1, departments: [] }),
    );
    const put = http.expectOne({ method: 'PUT', url: '/api/locations' });
    expect(put.request.body).toEqual({ id: 'l1', name: 'Lyon', version: 1 });
    put.flush([{ id: 'l1', name: 'Lyon', version: 2, departments: ['d1'] }]);
    expect((await renamed)[0].name).toBe('Lyon');

    const added = firstValueFrom(
      effects.add({ id: 'new', name: 'Nice', version: 0, departments: [] }),
    );
    const post = http.expectOne({ method: 'POST', url: '/api/locations/add' });
    expect(post.request.body).toEqual({ name: 'Nice' });
    post.flush([{ id: 'l3', name: 'Nice', version: 1, departments: [] }]);
    expect((await added)[0].id).toBe('l3');
  });

  it('reports how each location add ended, by the new row’s temporary id', async () => {
    const effects = TestBed.inject(LocationEffects);
    const outcomes: AddOutcome[] = [];
    TestBed.inject(AddOutcomes).outcome.subscribe((outcome) => outcomes.push(outcome));
    const row = { name: 'Nice', version: 0, departments: [] };

    const added = firstValueFrom(effects.add({ ...row, id: 'new-1' }));
    http.expectOne('/api/locations/add').flush([{ ...row, id: 'l3', version: 1 }]);
    await added;
    const refused = firstValueFrom(effects.add({ ...row, id: 'new-2', name: '' }));
    http
      .expectOne('/api/locations/add')
      .flush({ message: 'name: must not be empty' }, { status: 400, statusText: 'Bad Request' });
    await expect(refused).rejects.toBeInstanceOf(HttpErrorResponse);

    expect(outcomes).toEqual([
      { tempId: 'new-1', accepted: true, savedId: 'l3' },
      { tempId: 'new-2', accepted: false },
    ]);
  });
});
