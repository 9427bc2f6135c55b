import {
  CHILD_TABLES,
  ChildTable,
  SERVER_TABLES,
  SocketNotification,
} from '@smart-sync/shared-types';
import { CLIENT_TABLES, DEPARTMENT_CHILDREN, TABLE_MAP } from './table-map';
import { toClientId, toClientNotification, toClientTable, toServerRef } from './translation';

const childCases: [ChildTable, string][] = [
  ['docs', 'docs'],
  ['folders', 'folders'],
  ['lists', 'lists'],
  ['sprintFolders', 'sprint-folders'],
];
const passThroughTables = ['top', 'locations', 'departments'] as const;

describe('TABLE_MAP', () => {
  it('covers every server table and maps only onto client tables', () => {
    expect(Object.keys(TABLE_MAP).sort()).toEqual([...SERVER_TABLES].sort());
    for (const mapping of Object.values(TABLE_MAP)) {
      expect(CLIENT_TABLES).toContain(mapping.clientTable);
    }
  });

  it('prefixes ids for exactly the department child tables', () => {
    const prefixed = Object.entries(TABLE_MAP)
      .filter(([, mapping]) => mapping.idPrefix !== undefined)
      .map(([table]) => table);
    expect(prefixed.sort()).toEqual([...CHILD_TABLES].sort());
  });
});

describe('toClientNotification', () => {
  it.each(childCases)('maps %s to departmentChildren with %s: ids', (table, prefix) => {
    const notification: SocketNotification = { action: 'update', table, ids: ['1', 'abc'] };
    expect(toClientNotification(notification)).toEqual({
      action: 'update',
      table: DEPARTMENT_CHILDREN,
      ids: [`${prefix}:1`, `${prefix}:abc`],
    });
  });

  it.each(passThroughTables)('passes %s through unchanged', (table) => {
    const notification: SocketNotification = { action: 'delete', table, ids: ['7', '8'] };
    expect(toClientNotification(notification)).toEqual({
      action: 'delete',
      table,
      ids: ['7', '8'],
    });
  });

  it('keeps the action and does not mutate the message it was given', () => {
    const notification: SocketNotification = {
      action: 'delete',
      table: 'sprintFolders',
      ids: ['9'],
    };
    const copy = structuredClone(notification);
    expect(toClientNotification(notification).action).toBe('delete');
    expect(notification).toEqual(copy);
  });
});

describe('toClientTable', () => {
  it.each(childCases)('collapses %s into departmentChildren', (table) => {
    expect(toClientTable(table)).toBe(DEPARTMENT_CHILDREN);
  });

  it.each(passThroughTables)('keeps %s', (table) => {
    expect(toClientTable(table)).toBe(table);
  });
});

describe('toClientId', () => {
  it.each(childCases)('prefixes %s ids with %s:', (table, prefix) => {
    expect(toClientId({ table, id: 'x1' })).toBe(`${prefix}:x1`);
  });

  it.each(passThroughTables)('leaves %s ids alone', (table) => {
    expect(toClientId({ table, id: 'x1' })).toBe('x1');
  });
});

describe('toServerRef', () => {
  it.each(childCases)('reads %s back from a %s: id', (table, prefix) => {
    expect(toServerRef(`${prefix}:42`)).toEqual({ table, id: '42' });
  });

  it('keeps everything after the first separator as the id', () => {
    expect(toServerRef('docs:a:b')).toEqual({ table: 'docs', id: 'a:b' });
  });

  it.each(childCases)('round-trips %s references', (table) => {
    const ref = { table, id: 'clx0abc' };
    expect(toServerRef(toClientId(ref))).toEqual(ref);
  });

  it.each(childCases)('round-trips %s client ids', (_table, prefix) => {
    const clientId = `${prefix}:17`;
    expect(toClientId(toServerRef(clientId))).toBe(clientId);
  });

  it.each([
    ['no separator', 'docs42'],
    ['an unknown prefix', 'sprintFolders:1'],
    ['a pass-through table', 'departments:1'],
    ['an empty id', 'lists:'],
    ['an empty prefix', ':1'],
    ['an empty string', ''],
  ])('rejects %s with an error naming the id and the expected shape', (_label, clientId) => {
    expect(() => toServerRef(clientId)).toThrow(
      `Malformed department child id ${JSON.stringify(clientId)}: expected one of ${childCases
        .map(([, prefix]) => `${prefix}:`)
        .join(', ')} followed by an id`,
    );
  });
});
