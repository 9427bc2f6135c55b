import { deliveriesFor } from './notification-rules';

describe('deliveriesFor', () => {
  it('names the updated row, for the sockets that hold it', () => {
    expect(deliveriesFor({ kind: 'update', table: 'docs', id: 'd' })).toEqual([
      { notification: { action: 'update', table: 'docs', ids: ['d'] }, rooms: ['docs:d'] },
    ]);
  });

  it('turns a create into an update of the parent row, for the sockets that hold the parent', () => {
    expect(deliveriesFor({ kind: 'create', table: 'lists', id: 'x', parentId: 'dep' })).toEqual([
      {
        notification: { action: 'update', table: 'departments', ids: ['dep'] },
        rooms: ['departments:dep'],
      },
    ]);
    expect(
      deliveriesFor({ kind: 'create', table: 'departments', id: 'x', parentId: 'loc' }),
    ).toEqual([
      {
        notification: { action: 'update', table: 'locations', ids: ['loc'] },
        rooms: ['locations:loc'],
      },
    ]);
  });

  it('turns a new location into an update of the top row', () => {
    expect(deliveriesFor({ kind: 'create', table: 'locations', id: 'x', parentId: null })).toEqual([
      { notification: { action: 'update', table: 'top', ids: ['1'] }, rooms: ['top:1'] },
    ]);
  });

  it('names a deleted row and its cascade per table, for holders of the rows or their parents', () => {
    expect(
      deliveriesFor({
        kind: 'delete',
        table: 'departments',
        id: 'dep',
        parentId: 'loc',
        cascade: [
          { table: 'docs', ids: ['a', 'b'] },
          { table: 'folders', ids: [] },
          { table: 'lists', ids: ['c'] },
        ],
      }),
    ).toEqual([
      {
        notification: { action: 'delete', table: 'departments', ids: ['dep'] },
        rooms: ['departments:dep', 'locations:loc'],
      },
      {
        notification: { action: 'delete', table: 'docs', ids: ['a', 'b'] },
        rooms: ['docs:a', 'docs:b', 'departments:dep'],
      },
      {
        notification: { action: 'delete', table: 'lists', ids: ['c'] },
        rooms: ['lists:c', 'departments:dep'],
      },
    ]);
  });

  it("gives a cascaded row's parent room from the cascade itself", () => {
    const [, departments, docs] = deliveriesFor({
      kind: 'delete',
      table: 'locations',
      id: 'loc',
      parentId: null,
      cascade: [
        { table: 'departments', ids: ['d1', 'd2'] },
        { table: 'docs', ids: ['a'] },
      ],
    });
    expect(departments.rooms).toEqual(['departments:d1', 'departments:d2', 'locations:loc']);
    expect(docs.rooms).toEqual(['docs:a', 'departments:d1', 'departments:d2']);
  });
});
