import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, Observable } from 'rxjs';
import { DepartmentChildEffects } from './department-child-effects';
import { useEffectsTestBed } from './effects-test-bed.testing';
import { RenameConflicts } from './rename-conflicts';

describe('DepartmentChildEffects', () => {
  const bed = useEffectsTestBed(DepartmentChildEffects);

  function settle<T>(source: Observable<T>): Promise<T> {
    return firstValueFrom(source);
  }

  it('loads each id from its own server table and maps the rows back to client ids', async () => {
    const { effects, http } = bed;
    const rows = settle(effects.loadByIds(['docs:1', 'sprint-folders:2', 'docs:3', 'lists:4']));

    const docs = http.expectOne('/api/docs');
    expect(docs.request.method).toBe('POST');
    expect(docs.request.body).toEqual(['1', '3']);
    const sprintFolders = http.expectOne('/api/sprintFolders');
    expect(sprintFolders.request.body).toEqual(['2']);
    const lists = http.expectOne('/api/lists');
    expect(lists.request.body).toEqual(['4']);
    http.expectNone('/api/folders');

    docs.flush([
      { id: '1', name: 'Doc 1', version: 1 },
      { id: '3', name: 'Doc 3', version: 2 },
    ]);
    sprintFolders.flush([{ id: '2', name: 'Sprint 2', version: 1 }]);
    lists.flush([]);

    expect(await rows).toEqual([
      { id: 'docs:1', name: 'Doc 1', version: 1 },
      { id: 'docs:3', name: 'Doc 3', version: 2 },
      { id: 'sprint-folders:2', name: 'Sprint 2', version: 1 },
    ]);
  });

  it('asks nothing of the server for no ids', async () => {
    const { effects } = bed;
    expect(await settle(effects.loadByIds([]))).toEqual([]);
  });

  it('refuses ids that name no child table', () => {
    const { effects } = bed;
    expect(() => effects.loadByIds(['index-5'])).toThrow('Malformed department child id');
  });

  it('renames through the row’s server table and answers with client ids', async () => {
    const { effects, http } = bed;
    const saved = settle(effects.update({ id: 'folders:9', name: 'Renamed', version: 1 }));
    const put = http.expectOne({ method: 'PUT', url: '/api/folders' });
    expect(put.request.body).toEqual({ id: '9', name: 'Renamed', version: 1 });
    put.flush([{ id: '9', name: 'Renamed', version: 2 }]);
    expect(await saved).toEqual([{ id: 'folders:9', name: 'Renamed', version: 2 }]);
  });

  it('reports a refused rename and answers with the server’s row, undoing the optimistic name', async () => {
    const { effects, http, handleError } = bed;
    const saved = settle(effects.update({ id: 'lists:4', name: 'x'.repeat(101), version: 1 }));
    http
      .expectOne({ method: 'PUT', url: '/api/lists' })
      .flush(
        { message: 'name: must be at most 100 characters' },
        { status: 400, statusText: 'Bad Request' },
      );
    const reload = http.expectOne({ method: 'POST', url: '/api/lists' });
    expect(reload.request.body).toEqual(['4']);
    reload.flush([{ id: '4', name: 'List 4', version: 1 }]);

    expect(await saved).toEqual([{ id: 'lists:4', name: 'List 4', version: 1 }]);
    expect(handleError).toHaveBeenCalledWith('Rename refused', expect.any(HttpErrorResponse));
  });

  it('sends the version the editor was opened on, and answers a 409 with its current row', async () => {
    const { effects, http } = bed;
    TestBed.inject(RenameConflicts).editedAt('sprint-folders:5', 2);
    const saved = settle(effects.update({ id: 'sprint-folders:5', name: 'Mine', version: 3 }));
    const put = http.expectOne({ method: 'PUT', url: '/api/sprintFolders' });
    expect(put.request.body).toEqual({ id: '5', name: 'Mine', version: 2 });
    put.flush(
      {
        statusCode: 409,
        message: 'changed by someone else meanwhile',
        current: { id: '5', name: 'Theirs', version: 3 },
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await saved).toEqual([{ id: 'sprint-folders:5', name: 'Theirs', version: 3 }]);
  });

  it('lets SmartNgRX restore the old row when the refused row cannot be reloaded', async () => {
    const { effects, http } = bed;
    const saved = settle(effects.update({ id: 'docs:1', name: 'New', version: 1 }));
    http
      .expectOne({ method: 'PUT', url: '/api/docs' })
      .flush(null, { status: 404, statusText: 'Not Found' });
    http.expectOne({ method: 'POST', url: '/api/docs' }).flush([]);
    await expect(saved).rejects.toBeInstanceOf(HttpErrorResponse);
  });

  it('adds to the table named by the temporary id, under the parent department', async () => {
    const { effects, http, outcomes, refuse } = bed;
    const added = settle(
      effects.add({ id: 'sprint-folders:new-1', name: 'Sprint', version: 0, parentId: 'd1' }),
    );
    const post = http.expectOne({ method: 'POST', url: '/api/sprintFolders/add' });
    expect(post.request.body).toEqual({ name: 'Sprint', parentId: 'd1' });
    post.flush([{ id: 'abc', name: 'Sprint', version: 1 }]);
    expect(await added).toEqual([{ id: 'sprint-folders:abc', name: 'Sprint', version: 1 }]);

    const refused = settle(
      effects.add({ id: 'docs:new-2', name: 'Doc', version: 0, parentId: 'gone' }),
    );
    await refuse('/api/docs/add', refused, 'Add refused');
    expect(outcomes).toEqual([
      { tempId: 'sprint-folders:new-1', accepted: true, savedId: 'sprint-folders:abc' },
      { tempId: 'docs:new-2', accepted: false },
    ]);
  });

  it('deletes from the row’s server table and reports a refusal', async () => {
    const { effects, http, refuse } = bed;
    const deleted = settle(effects.delete('docs:7'));
    http
      .expectOne({ method: 'DELETE', url: '/api/docs/7' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await expect(deleted).resolves.toBeNull();

    const refused = settle(effects.delete('folders:8'));
    await refuse({ method: 'DELETE', url: '/api/folders/8' }, refused, 'Delete refused');
  });

  it('rejects rows that break the wire contract', async () => {
    const { effects, http } = bed;
    const rows = settle(effects.loadByIds(['docs:1']));
    http.expectOne('/api/docs').flush([{ id: '1', title: 'no name' }]);
    await expect(rows).rejects.toThrow();
  });
});
