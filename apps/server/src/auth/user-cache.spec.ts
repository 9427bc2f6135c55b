import { UserCache } from './user-cache';

describe('UserCache', () => {
  const user = (id: string, admin = false) => ({ id, admin });

  it('answers a user for ttlMs after it was read, then forgets it', () => {
    let now = 1_000;
    const cache = new UserCache<ReturnType<typeof user>>(5_000, 10, () => now);
    expect(cache.get('a')).toBeUndefined();
    cache.set(user('a'));
    now += 4_999;
    expect(cache.get('a')).toEqual(user('a'));
    now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('replaces a user read again, with a fresh time', () => {
    let now = 0;
    const cache = new UserCache<ReturnType<typeof user>>(100, 10, () => now);
    cache.set(user('a'));
    now = 90;
    cache.set(user('a', true));
    now = 150;
    expect(cache.get('a')).toEqual(user('a', true));
  });

  it('keeps at most maxUsers, dropping the oldest', () => {
    const cache = new UserCache<ReturnType<typeof user>>(1_000, 2, () => 0);
    cache.set(user('a'));
    cache.set(user('b'));
    cache.set(user('c'));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([
      undefined,
      user('b'),
      user('c'),
    ]);
  });
});
