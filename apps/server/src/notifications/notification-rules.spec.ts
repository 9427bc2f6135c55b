import type { SignedInUser } from '../common/signed-in-user';
import { deliveriesFor, roomsOfSocket } from './notification-rules';

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
    const [location, departments, docs] = deliveriesFor({
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
    // Not the holders of the top row: only those who may read the location listed it.
    expect(location.rooms).toEqual(['locations:loc', 'readers:loc', 'readers:*']);
  });
});

describe('roomsOfSocket', () => {
  const user = (admin: boolean, rights: [string, 'viewer' | 'editor'][]): SignedInUser => ({
    id: 'u',
    username: 'u',
    admin,
    rights: new Map(rights),
    sessionId: 's',
    expiresAt: new Date(),
  });

  it('puts an admin in the readers-of-everything room, and the all room for interest all', () => {
    expect(roomsOfSocket(user(true, []), false)).toEqual(['session:s', 'readers:*']);
    expect(roomsOfSocket(user(true, []), true)).toEqual(['session:s', 'readers:*', '*']);
  });

  it('puts anyone else in the rooms of the locations they may read, and no others', () => {
    const bob = user(false, [
      ['l1', 'editor'],
      ['l2', 'viewer'],
    ]);
    expect(roomsOfSocket(bob, false)).toEqual(['session:s', 'readers:l1', 'readers:l2']);
    expect(roomsOfSocket(bob, true)).toEqual([
      'session:s',
      'readers:l1',
      '*:l1',
      'readers:l2',
      '*:l2',
    ]);
    expect(roomsOfSocket(user(false, []), true)).toEqual(['session:s']);
  });
});
