import { HttpErrorResponse } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAX_PAGE_LENGTH } from '@smart-sync/shared-types';
import { firstValueFrom, Observable, toArray } from 'rxjs';
import { AddOutcome, AddOutcomes } from './add-outcomes';
import { DepartmentEffects } from './department-effects';
import { effectsTestBed } from './effects-test-bed.testing';

const serverDepartment = {
  id: 'd1',
  name: 'Sales',
  version: 3,
  children: {
    startIndex: 0,
    length: 1200,
    indexes: [
      { table: 'docs', id: 'a' },
      { table: 'sprintFolders', id: 'b' },
      { table: 'folders', id: 'c' },
      { table: 'lists', id: 'd' },
    ],
  },
};

describe('DepartmentEffects', () => {
  let effects: DepartmentEffects;
  let http: HttpTestingController;
  let handleError: jest.Mock;

  beforeEach(() => {
    ({ effects, http, handleError } = effectsTestBed(DepartmentEffects));
  });

  afterEach(() => http.verify());

  function settle<T>(source: Observable<T>): Promise<T[]> {
    return firstValueFrom(source.pipe(toArray()));
  }

  it('turns the inline page of child references into client ids', async () => {
    const rows = settle(effects.loadByIds(['d1']));
    const post = http.expectOne({ method: 'POST', url: '/api/departments' });
    expect(post.request.body).toEqual(['d1']);
    post.flush([serverDepartment]);
    expect(await rows).toEqual([
      [
        {
          id: 'd1',
          name: 'Sales',
          version: 3,
          children: {
            startIndex: 0,
            length: 1200,
            indexes: ['docs:a', 'sprint-folders:b', 'folders:c', 'lists:d'],
          },
        },
      ],
    ]);
  });

  it('loads a further page of children as client ids', async () => {
    const page = settle(effects.loadByIndexes('d1', 'children', 500, 2));
    const post = http.expectOne({ method: 'POST', url: '/api/departments/indexes' });
    expect(post.request.body).toEqual({ parentId: 'd1', startIndex: 500, length: 2 });
    post.flush({
      startIndex: 500,
      length: 1200,
      indexes: [
        { table: 'lists', id: 'x' },
        { table: 'docs', id: 'y' },
      ],
    });
    expect(await page).toEqual([{ startIndex: 500, length: 1200, indexes: ['lists:x', 'docs:y'] }]);
  });

  it('splits a long range into pages the server accepts', async () => {
    const page = settle(effects.loadByIndexes('d1', 'children', 10, MAX_PAGE_LENGTH + 5));
    const [first, second] = http.match('/api/departments/indexes');
    expect(first.request.body).toEqual({ parentId: 'd1', startIndex: 10, length: MAX_PAGE_LENGTH });
    expect(second.request.body).toEqual({
      parentId: 'd1',
      startIndex: 10 + MAX_PAGE_LENGTH,
      length: 5,
    });
    first.flush({ startIndex: 10, length: 5000, indexes: [{ table: 'docs', id: 'p1' }] });
    second.flush({
      startIndex: 10 + MAX_PAGE_LENGTH,
      length: 5000,
      indexes: [{ table: 'docs', id: 'p2' }],
    });
    expect(await page).toEqual([{ startIndex: 10, length: 5000, indexes: ['docs:p1', 'docs:p2'] }]);
  });

  it('reports a failed page and completes quietly so later pages still load', async () => {
    const page = settle(effects.loadByIndexes('d1', 'children', 0, 10));
    http
      .expectOne('/api/departments/indexes')
      .flush(null, { status: 500, statusText: 'Server Error' });
    expect(await page).toEqual([]);
    expect(handleError).toHaveBeenCalledWith(
      'Could not load more children',
      expect.any(HttpErrorResponse),
    );
  });

  it('renames with only the id and name, and maps the saved row', async () => {
    const saved = settle(
      effects.update({
        id: 'd1',
        name: 'Marketing',
        version: 3,
        children: { length: 0, indexes: [] },
      }),
    );
    const put = http.expectOne({ method: 'PUT', url: '/api/departments' });
    expect(put.request.body).toEqual({ id: 'd1', name: 'Marketing' });
    put.flush([{ ...serverDepartment, name: 'Marketing', version: 4 }]);
    const [[row]] = await saved;
    expect(row.name).toBe('Marketing');
    expect(row.children.indexes[1]).toBe('sprint-folders:b');
  });

  it('reports a refused rename and answers with the server’s row', async () => {
    const saved = settle(
      effects.update({ id: 'd1', name: '', version: 3, children: { length: 0, indexes: [] } }),
    );
    http
      .expectOne({ method: 'PUT', url: '/api/departments' })
      .flush({ message: 'name: must not be empty' }, { status: 400, statusText: 'Bad Request' });
    http.expectOne({ method: 'POST', url: '/api/departments' }).flush([serverDepartment]);
    const [[row]] = await saved;
    expect(row.name).toBe('Sales');
    expect(handleError).toHaveBeenCalledWith('Rename refused', expect.any(HttpErrorResponse));
  });

  it('adds under the location and reports how each add ended', async () => {
    const outcomes: AddOutcome[] = [];
    TestBed.inject(AddOutcomes).outcome.subscribe((outcome) => outcomes.push(outcome));
    const newRow = { name: 'Ops', version: 0, children: { length: 0, indexes: [] } };
    const added = settle(effects.add({ ...newRow, id: 'new-1', parentId: 'l1' }));
    const post = http.expectOne({ method: 'POST', url: '/api/departments/add' });
    expect(post.request.body).toEqual({ name: 'Ops', parentId: 'l1' });
    post.flush([{ ...serverDepartment, id: 'd7', name: 'Ops' }]);
    const [[row]] = await added;
    expect(row.children.indexes[0]).toBe('docs:a');

    const refused = settle(effects.add({ ...newRow, id: 'new-2', parentId: 'gone' }));
    http.expectOne('/api/departments/add').flush(null, { status: 404, statusText: 'Not Found' });
    await expect(refused).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(handleError).toHaveBeenCalledWith('Add refused', expect.any(HttpErrorResponse));
    expect(outcomes).toEqual([
      { tempId: 'new-1', accepted: true, savedId: 'd7' },
      { tempId: 'new-2', accepted: false },
    ]);
  });

  it('deletes by id and reports a refusal', async () => {
    const refused = settle(effects.delete('d9'));
    http
      .expectOne({ method: 'DELETE', url: '/api/departments/d9' })
      .flush(null, { status: 404, statusText: 'Not Found' });
    await expect(refused).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(handleError).toHaveBeenCalledWith('Delete refused', expect.any(HttpErrorResponse));
  });
});
