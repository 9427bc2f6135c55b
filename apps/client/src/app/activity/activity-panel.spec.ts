import { clockTime } from './activity-panel';

describe('clockTime', () => {
  it('prints the local time of day to the millisecond, zero-padded', () => {
    expect(clockTime(new Date(2026, 0, 2, 3, 4, 5, 6))).toBe('03:04:05.006');
    expect(clockTime(new Date(2026, 11, 31, 23, 59, 58, 987))).toBe('23:59:58.987');
  });
});
