// `npm run bench:test` — node:test through tsx.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentile, summarize } from './stats';
import { matchNotifications } from './match';

test('percentile interpolates between closest ranks', () => {
  assert.equal(percentile([1, 2, 3, 4, 5], 50), 3);
  assert.equal(percentile([5, 1, 4, 2, 3], 0), 1);
  assert.equal(percentile([1, 2, 3, 4, 5], 100), 5);
  assert.equal(percentile([1, 2], 50), 1.5);
  assert.ok(Math.abs(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95) - 9.55) < 1e-9);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('summarize reports count, extremes and mean', () => {
  const s = summarize([3, 1, 2]);
  assert.deepEqual([s.count, s.min, s.max, s.mean, s.p50], [3, 1, 3, 2, 2]);
});

test('matchNotifications pairs each send with the next arrival of its id, in order', () => {
  const sends = [
    { id: 'a', at: 0 },
    { id: 'b', at: 1 },
    { id: 'a', at: 10 },
    { id: 'c', at: 12 },
  ];
  const arrivals = [
    { id: 'b', at: 3 },
    { id: 'a', at: 4 },
    { id: 'a', at: 15 },
    { id: 'x', at: 16 },
  ];
  const result = matchNotifications(sends, arrivals);
  assert.deepEqual(result.delays, [4, 2, 5]);
  assert.equal(result.missing, 1); // c never arrived
  assert.equal(result.unexpected, 1); // x was never sent
});
