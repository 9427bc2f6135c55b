import { departmentRowSchema, locationRowSchema } from './rows';

describe('row schemas', () => {
  it('accepts a department row with a page of child references', () => {
    const row = {
      id: 'd1',
      name: 'Sales',
      version: 2,
      children: {
        startIndex: 0,
        length: 2,
        indexes: [
          { table: 'docs', id: 'a' },
          { table: 'sprintFolders', id: 'b' },
        ],
      },
    };
    expect(departmentRowSchema.parse(row)).toEqual(row);
  });

  it('rejects a child reference to a table that is not a child table', () => {
    const row = {
      id: 'd1',
      name: 'Sales',
      version: 1,
      children: { startIndex: 0, length: 1, indexes: [{ table: 'locations', id: 'a' }] },
    };
    expect(departmentRowSchema.safeParse(row).success).toBe(false);
  });

  it('rejects a version below 1', () => {
    expect(
      locationRowSchema.safeParse({ id: 'l', name: 'x', version: 0, departments: [] }).success,
    ).toBe(false);
  });
});
