import { inChunks } from './chunks';

describe('inChunks', () => {
  it('cuts items into pieces of at most the size, in order', () => {
    expect(inChunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inChunks([1, 2], 2)).toEqual([[1, 2]]);
  });

  it('makes no pieces of no items', () => {
    expect(inChunks([], 3)).toEqual([]);
  });
});
