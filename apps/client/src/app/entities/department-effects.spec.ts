import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MAX_PAGE_LENGTH } from '@smart-sync/shared-types/mini';
import { firstValueFrom, Observable, toArray } from 'rxjs';
import { describeError } from '../errors/snackbar-error-handler';
import { DepartmentEffects } from './department-effects';
import { useEffectsTestBed } from './effects-test-bed.testing';
import { RenameConflict, RenameConflicts } from './rename-conflicts';

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
  const bed = useEffectsTestBed(DepartmentEffects);

  function settle<T>(source: Observable<T>): Promise<T[]> {
    return firstValueFrom(source.pipe(toArray()));
  }

  it('turns the inline page of child references into client ids', async () => {
    const { effects, http } = bed;
    const rows = settle(effects.loadByIds(['d1']));
    const post = http.expectOne({ method: 'POST', url: '/api/departments' });
    expect(post.request.body).toEqual(['d1']);
    post.flush([serverDepartment]);
    const indexes = ['docs:a', 'sprint-folders:b', 'folders:c', 'lists:d'];
    expect(await rows).toEqual([
      [{ ...serverDepartment, children: { ...serverDepartment.children, indexes } }],
    ]);
  });

  it('loads a further page of children as client ids', async () => {
    const { effects, http } = bed;
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
    const { effects, http } = bed;
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
    const { effects, http, handleError } = bed;
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

  it('renames with the id, the name and the version, and maps the saved row', async () => {
    const { effects, http } = bed;
    const saved = settle(
      effects.update({
        id: 'd1',
        name: 'Marketing',
        version: 3,
        children: { length: 0, indexes: [] },
      }),
    );
    const put = http.expectOne({ method: 'PUT', url: '/api/departments' });
    expect(put.request.body).toEqual({ id: 'd1', name: 'Marketing', version: 3 });
    put.flush([{ ...serverDepartment, name: 'Marketing', version: 4 }]);
    const [[row]] = await saved;
    expect(row.name).toBe('Marketing');
    expect(row.children.indexes[1]).toBe('sprint-folders:b');
  });

  it('reports a refused rename and answers with the server’s row', async () => {
    const { effects, http, handleError } = bed;
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

  it('answers a version conflict with the current row from the 409, children and all', async () => {
    const { effects, http, handleError } = bed;
    const conflicts: RenameConflict[] = [];
    TestBed.inject(RenameConflicts).conflict.subscribe((conflict) => conflicts.push(conflict));
    const saved = settle(
      effects.update({ id: 'd1', name: 'Mine', version: 3, children: { length: 0, indexes: [] } }),
    );
    const current = { ...serverDepartment, name: 'Theirs', version: 4 };
    http
      .expectOne({ method: 'PUT', url: '/api/departments' })
      .flush(
        { statusCode: 409, message: 'changed by someone else meanwhile', current },
        { status: 409, statusText: 'Conflict' },
      );
    const [[row]] = await saved;
    expect(row).toMatchObject({ name: 'Theirs', version: 4 });
    expect(row.children.indexes[1]).toBe('sprint-folders:b');
    expect(handleError).toHaveBeenCalledWith('Not saved', expect.any(HttpErrorResponse));
    expect(describeError(handleError.mock.calls[0][1])).toBe('changed by someone else meanwhile');
    expect(conflicts).toEqual([{ id: 'd1', name: 'Mine', version: 4 }]);
  });

  it('adds under the location and reports how each add ended', async () => {
    const { effects, http, outcomes, refuse } = bed;
    const newRow = { name: 'Ops', version: 0, children: { length: 0, indexes: [] } };
    const added = settle(effects.add({ ...newRow, id: 'new-1', parentId: 'l1' }));
    const post = http.expectOne({ method: 'POST', url: '/api/departments/add' });
    expect(post.request.body).toEqual({ name: 'Ops', parentId: 'l1' });
    post.flush([{ ...serverDepartment, id: 'd7', name: 'Ops' }]);
    const [[row]] = await added;
    expect(row.children.indexes[0]).toBe('docs:a');

    const refused = settle(effects.add({ ...newRow, id: 'new-2', parentId: 'gone' }));
    await refuse('/api/departments/add', refused, 'Add refused');
    expect(outcomes).toEqual([
      { tempId: 'new-1', accepted: true, savedId: 'd7' },
      { tempId: 'new-2', accepted: false },
    ]);
  });

  it('deletes by id and reports a refusal', async () => {
    const { effects, refuse } = bed;
    const refused = settle(effects.delete('d9'));
    await refuse({ method: 'DELETE', url: '/api/departments/d9' }, refused, 'Delete refused');
  });
});
