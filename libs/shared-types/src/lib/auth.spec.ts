import {
  DEMO_USERS,
  loginBodySchema,
  PASSWORD_MAX_LENGTH,
  roleIn,
  sessionUserSchema,
  USERNAME_MAX_LENGTH,
  type SessionUser,
} from './auth';

describe('loginBodySchema', () => {
  it('accepts a username and a password', () => {
    expect(loginBodySchema.parse({ username: 'bob', password: 'demo' })).toEqual({
      username: 'bob',
      password: 'demo',
    });
  });

  it('refuses missing, empty, non-string and oversized fields, naming the field', () => {
    const field = (body: unknown) =>
      loginBodySchema.safeParse(body).error?.issues.map((issue) => issue.path.join('.'));
    expect(field({ password: 'x' })).toEqual(['username']);
    expect(field({ username: 'bob', password: '' })).toEqual(['password']);
    expect(field({ username: 7, password: 'x' })).toEqual(['username']);
    expect(field({ username: 'u'.repeat(USERNAME_MAX_LENGTH + 1), password: 'x' })).toEqual([
      'username',
    ]);
    expect(field({ username: 'bob', password: 'p'.repeat(PASSWORD_MAX_LENGTH + 1) })).toEqual([
      'password',
    ]);
  });

  it('refuses a username with control characters or lone surrogates (a password may hold any)', () => {
    const messages = (username: string) =>
      loginBodySchema
        .safeParse({ username, password: '\u0000\ud800' })
        .error?.issues.map((issue) => issue.message);
    expect(messages('a\u0000')).toEqual(['must not contain control characters']);
    expect(messages('\ud800')).toEqual(['must not contain lone surrogates (not Unicode text)']);
    expect(messages('bob')).toBeUndefined();
  });
});

describe('roleIn', () => {
  const bob: SessionUser = {
    username: 'bob',
    admin: false,
    rights: [
      { locationId: 'l1', role: 'editor' },
      { locationId: 'l2', role: 'viewer' },
    ],
  };

  it('gives the role of a granted location, and nothing for any other', () => {
    expect(roleIn(bob, 'l1')).toBe('editor');
    expect(roleIn(bob, 'l2')).toBe('viewer');
    expect(roleIn(bob, 'l3')).toBeUndefined();
  });

  it('makes an admin an editor everywhere', () => {
    expect(roleIn({ username: 'alice', admin: true, rights: [] }, 'any')).toBe('editor');
  });

  it('describes a session user the schema accepts', () => {
    expect(sessionUserSchema.parse(bob)).toEqual(bob);
    expect(DEMO_USERS.map((user) => user.username)).toEqual(['alice', 'bob', 'carol', 'dave']);
  });
});
