import { MAX_IDS_PER_LOAD } from '@smart-sync/shared-types/mini';
import { newRowId } from '../entities/new-row-id';
import { droppedIds, toReleases } from './releases';

describe('droppedIds', () => {
  it('finds the ids that left, whatever the order of the rest', () => {
    expect(droppedIds(['a', 'b', 'c', 'd'], ['d', 'b', 'e'])).toEqual(['a', 'c']);
  });

  it('finds none when nothing left', () => {
    expect(droppedIds(['a'], ['a', 'b'])).toEqual([]);
    expect(droppedIds([], [])).toEqual([]);
  });
});

describe('toReleases', () => {
  it('names the server table and ids of department children, one release per table', () => {
    expect(
      toReleases('departmentChildren', ['docs:1', 'sprint-folders:2', 'docs:3', 'lists:4']),
    ).toEqual([
      { table: 'docs', ids: ['1', '3'] },
      { table: 'sprintFolders', ids: ['2'] },
      { table: 'lists', ids: ['4'] },
    ]);
  });

  it.each(['top', 'locations', 'departments'] as const)('keeps %s and its ids', (table) => {
    expect(toReleases(table, ['1', 'x'])).toEqual([{ table, ids: ['1', 'x'] }]);
  });

  it('leaves out rows the server never knew', () => {
    const ids = [newRowId('docs'), 'index-4', 'indexNoOp-5', 'docs:7'];
    expect(toReleases('departmentChildren', ids)).toEqual([{ table: 'docs', ids: ['7'] }]);
    expect(toReleases('departments', [newRowId('departments')])).toEqual([]);
    expect(toReleases('locations', [])).toEqual([]);
  });

  it(`sends at most ${MAX_IDS_PER_LOAD} ids per release`, () => {
    const ids = Array.from({ length: MAX_IDS_PER_LOAD * 2 + 1 }, (_, i) => `folders:${i}`);
    const releases = toReleases('departmentChildren', ids);
    expect(releases.map((release) => release.ids.length)).toEqual([
      MAX_IDS_PER_LOAD,
      MAX_IDS_PER_LOAD,
      1,
    ]);
    expect(releases.every((release) => release.table === 'folders')).toBe(true);
    expect(releases.flatMap((release) => release.ids)).toEqual(ids.map((id) => id.slice(8)));
  });
});
