import { pairedMedian, percentile, rounded, summarize } from './stats';

describe('percentile', () => {
  it('interpolates between closest ranks, like numpy', () => {
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 0)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5], 100)).toBe(5);
    expect(percentile([1, 2], 50)).toBe(1.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBeCloseTo(9.55, 9);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('reports count, extremes, median and mean', () => {
    expect(summarize([3, 1, 2])).toEqual({ count: 3, min: 1, p50: 2, p95: 2.9, max: 3, mean: 2 });
  });
});

describe('rounded', () => {
  it('rounds every number to the given decimals and leaves the rest', () => {
    expect(rounded({ a: 1.23456, b: 'x' }, 2)).toEqual({ a: 1.23, b: 'x' });
  });
});

describe('pairedMedian', () => {
  it('is the median of the per-pair results', () => {
    expect(pairedMedian([10, 20, 30], [5, 5, 40], (a, b) => a - b)).toBe(5);
    expect(pairedMedian([4, 9], [2, 3], (a, b) => a / b)).toBe(2.5);
  });

  it('refuses samples that are not pairs', () => {
    expect(() => pairedMedian([1, 2], [1], (a, b) => a - b)).toThrow('unpaired samples: 2 and 1');
  });
});
