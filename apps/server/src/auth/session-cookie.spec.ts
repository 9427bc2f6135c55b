import type { IncomingMessage } from 'node:http';
import {
  cameOverHttps,
  newSessionToken,
  sessionCookie,
  sessionIdOf,
  sessionTokenIn,
} from './session-cookie';

describe('session cookie', () => {
  it('makes a new random token each time, stored only as its SHA-256', () => {
    const [one, two] = [newSessionToken(), newSessionToken()];
    expect(one).toMatch(/^[\w-]{43}$/);
    expect(one).not.toBe(two);
    expect(sessionIdOf(one)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdOf(one)).not.toContain(one);
  });

  it('finds the token among other cookies, and ignores malformed ones', () => {
    const token = newSessionToken();
    expect(sessionTokenIn(`theme=dark; sid=${token}; x=1`)).toBe(token);
    expect(sessionTokenIn(`sid=${token}`)).toBe(token);
    expect(sessionTokenIn('sid=short')).toBeUndefined();
    expect(sessionTokenIn(`xsid=${token}`)).toBeUndefined();
    expect(sessionTokenIn(undefined)).toBeUndefined();
  });

  it('sets HttpOnly, SameSite=Lax, Path=/, and Secure over https', () => {
    expect(sessionCookie('t', 3600, false)).toBe(
      'sid=t; HttpOnly; SameSite=Lax; Path=/; Max-Age=3600',
    );
    expect(sessionCookie('', 0, true)).toBe(
      'sid=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0; Secure',
    );
  });

  it('knows https directly or behind a proxy', () => {
    const request = (secure: boolean, proto?: string) =>
      ({
        socket: { encrypted: secure },
        headers: { 'x-forwarded-proto': proto },
      }) as unknown as IncomingMessage;
    expect(cameOverHttps(request(true))).toBe(true);
    expect(cameOverHttps(request(false, 'https'))).toBe(true);
    expect(cameOverHttps(request(false, 'http'))).toBe(false);
    expect(cameOverHttps(request(false))).toBe(false);
  });
});
