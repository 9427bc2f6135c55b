import { notificationsFor } from './notification-rules';

describe('notificationsFor', () => {
  it('names the updated row', () => {
    expect(notificationsFor({ kind: 'update', table: 'docs', id: 'd' })).toEqual([
      { action: 'update', table: 'docs', ids: ['d'] },
    ]);
  });

  it('turns a create into an update of the parent row', () => {
    expect(notificationsFor({ kind: 'create', table: 'lists', id: 'x', parentId: 'dep' })).toEqual([
      { action: 'update', table: 'departments', ids: ['dep'] },
    ]);
    expect(
      notificationsFor({ kind: 'create', table: 'departments', id: 'x', parentId: 'loc' }),
    ).toEqual([{ action: 'update', table: 'locations', ids: ['loc'] }]);
  });

  it('turns a new location into an update of the top row', () => {
    expect(
      notificationsFor({ kind: 'create', table: 'locations', id: 'x', parentId: null }),
    ).toEqual([{ action: 'update', table: 'top', ids: ['1'] }]);
  });

  it('names a deleted row and, per table, every row of its cascade', () => {
    expect(
      notificationsFor({
        kind: 'delete',
        table: 'departments',
        id: 'dep',
        cascade: [
          { table: 'docs', ids: ['a', 'b'] },
          { table: 'folders', ids: [] },
          { table: 'lists', ids: ['c'] },
        ],
      }),
    ).toEqual([
      { action: 'delete', table: 'departments', ids: ['dep'] },
      { action: 'delete', table: 'docs', ids: ['a', 'b'] },
      { action: 'delete', table: 'lists', ids: ['c'] },
    ]);
  });
});
