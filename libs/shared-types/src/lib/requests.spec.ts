import { NAME_MAX_LENGTH } from './fields';
import {
  addChildBodySchema,
  addLocationBodySchema,
  indexPageRequestSchema,
  loadByIdsBodySchema,
  MAX_IDS_PER_LOAD,
  updateBodySchema,
} from './requests';

function failingField(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false);
  return result.error?.issues[0].path.join('.');
}

describe('loadByIdsBodySchema', () => {
  it('accepts a list of ids, including an empty one', () => {
    expect(loadByIdsBodySchema.parse(['a', 'b'])).toEqual(['a', 'b']);
    expect(loadByIdsBodySchema.parse([])).toEqual([]);
  });

  it('rejects non-arrays, non-string ids and oversized lists', () => {
    expect(loadByIdsBodySchema.safeParse({ ids: ['a'] }).success).toBe(false);
    expect(failingField(loadByIdsBodySchema.safeParse(['a', 2]))).toBe('1');
    expect(failingField(loadByIdsBodySchema.safeParse(['']))).toBe('0');
    const tooMany = Array.from({ length: MAX_IDS_PER_LOAD + 1 }, (_, i) => `${i}`);
    expect(loadByIdsBodySchema.safeParse(tooMany).success).toBe(false);
  });
});

describe('updateBodySchema', () => {
  it('accepts an id and a name, trimming the name and dropping unknown keys', () => {
    expect(updateBodySchema.parse({ id: 'x', name: '  Doc 1 ', extra: 3 })).toEqual({
      id: 'x',
      name: 'Doc 1',
    });
  });

  it('takes the version the client edited, when it sends one', () => {
    expect(updateBodySchema.parse({ id: 'x', name: 'Doc', version: 0 })).toEqual({
      id: 'x',
      name: 'Doc',
      version: 0,
    });
    expect(updateBodySchema.parse({ id: 'x', name: 'Doc', version: 7 }).version).toBe(7);
  });

  it.each([
    [{ name: 'a' }, 'id'],
    [{ id: 'x' }, 'name'],
    [{ id: 'x', name: '   ' }, 'name'],
    [{ id: 'x', name: 'n'.repeat(NAME_MAX_LENGTH + 1) }, 'name'],
    [{ id: 5, name: 'a' }, 'id'],
    [{ id: 'x', name: 5 }, 'name'],
    [{ id: 'x', name: 'a', version: -1 }, 'version'],
    [{ id: 'x', name: 'a', version: 1.5 }, 'version'],
    [{ id: 'x', name: 'a', version: '3' }, 'version'],
    [{ id: 'x', name: 'a', version: null }, 'version'],
  ])('rejects %j at %s', (body, field) => {
    expect(failingField(updateBodySchema.safeParse(body))).toBe(field);
  });

  it('names a too-long name in its message', () => {
    const result = updateBodySchema.safeParse({ id: 'x', name: 'n'.repeat(NAME_MAX_LENGTH + 1) });
    expect(result.error?.issues[0].message).toContain(`${NAME_MAX_LENGTH}`);
  });
});

describe('add bodies', () => {
  it('needs a parentId for children but not for locations', () => {
    expect(addChildBodySchema.parse({ name: 'Folder', parentId: 'd1' })).toEqual({
      name: 'Folder',
      parentId: 'd1',
    });
    expect(failingField(addChildBodySchema.safeParse({ name: 'Folder' }))).toBe('parentId');
    expect(addLocationBodySchema.parse({ name: 'Paris' })).toEqual({ name: 'Paris' });
    expect(failingField(addLocationBodySchema.safeParse({ name: '' }))).toBe('name');
  });
});

describe('indexPageRequestSchema', () => {
  it('accepts a page request', () => {
    const page = { parentId: 'd1', startIndex: 500, length: 100 };
    expect(indexPageRequestSchema.parse(page)).toEqual(page);
  });

  it.each([
    [{ parentId: 'd1', startIndex: -1, length: 10 }, 'startIndex'],
    [{ parentId: 'd1', startIndex: 1.5, length: 10 }, 'startIndex'],
    [{ parentId: 'd1', startIndex: '0', length: 10 }, 'startIndex'],
    [{ parentId: 'd1', startIndex: 0, length: 0 }, 'length'],
    [{ parentId: 'd1', startIndex: 0, length: 100000 }, 'length'],
    [{ startIndex: 0, length: 10 }, 'parentId'],
  ])('rejects %j at %s', (body, field) => {
    expect(failingField(indexPageRequestSchema.safeParse(body))).toBe(field);
  });
});
