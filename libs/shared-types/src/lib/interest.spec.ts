import { releaseSchema } from './interest';

describe('releaseSchema', () => {
  it('accepts rows of a server table', () => {
    expect(releaseSchema.parse({ table: 'docs', ids: ['a', 'b'] })).toEqual({
      table: 'docs',
      ids: ['a', 'b'],
    });
  });

  it.each([
    [{ table: 'departmentChildren', ids: ['a'] }, 'table'],
    [{ table: 'docs', ids: [] }, 'ids'],
    [{ table: 'docs', ids: [1] }, 'ids'],
    [{ table: 'docs', ids: Array.from({ length: 1001 }, (_, i) => `${i}`) }, 'ids'],
    ['docs', ''],
  ])('refuses %j, naming %s', (payload, field) => {
    const result = releaseSchema.safeParse(payload);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0] ?? '').toBe(field);
  });
});
