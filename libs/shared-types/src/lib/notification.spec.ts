import { socketNotificationSchema } from './notification';
import { SERVER_TABLES } from './tables';

describe('socketNotificationSchema', () => {
  it.each(SERVER_TABLES)('accepts an update and a delete on %s', (table) => {
    expect(socketNotificationSchema.parse({ action: 'update', table, ids: ['a'] })).toEqual({
      action: 'update',
      table,
      ids: ['a'],
    });
    expect(
      socketNotificationSchema.safeParse({ action: 'delete', table, ids: ['a', 'b'] }).success,
    ).toBe(true);
  });

  it.each([
    ['empty ids', { action: 'update', table: 'docs', ids: [] }, 'ids'],
    ['an unknown table', { action: 'update', table: 'departmentChildren', ids: ['1'] }, 'table'],
    ['a create action', { action: 'create', table: 'docs', ids: ['1'] }, 'action'],
    ['numeric ids', { action: 'delete', table: 'docs', ids: [1] }, 'ids'],
    ['an empty id', { action: 'delete', table: 'docs', ids: [''] }, 'ids'],
    ['ids as a string', { action: 'delete', table: 'docs', ids: '1' }, 'ids'],
    ['a missing action', { table: 'docs', ids: ['1'] }, 'action'],
  ])('rejects %s, naming the field', (_label, message, field) => {
    const result = socketNotificationSchema.safeParse(message);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });

  it('rejects values that are not objects', () => {
    for (const value of [null, undefined, 'update', 42, []]) {
      expect(socketNotificationSchema.safeParse(value).success).toBe(false);
    }
  });
});
