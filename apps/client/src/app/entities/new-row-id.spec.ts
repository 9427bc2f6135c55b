import { toServerRef } from '@smart-sync/socket-translation';
import { isPlaceholderId, newRowId } from './new-row-id';

describe('newRowId', () => {
  it('makes distinct ids in the table’s client id format', () => {
    const first = newRowId('sprintFolders');
    const second = newRowId('sprintFolders');
    expect(first).not.toBe(second);
    expect(toServerRef(first).table).toBe('sprintFolders');
  });
});

describe('isPlaceholderId', () => {
  it.each([newRowId('docs'), 'index-5', 'indexNoOp-7'])('knows %s is not a server row', (id) => {
    expect(isPlaceholderId(id)).toBe(true);
  });

  it.each(['docs:4f2c', 'd1', 'lists:index-like', '1'])('knows %s is a server row', (id) => {
    expect(isPlaceholderId(id)).toBe(false);
  });
});
