import { createHash, randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '@smart-sync/shared-types';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** A new session token: 32 random bytes, base64url (43 characters). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores of a token: its SHA-256, so the table holds no usable cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The session token in a `Cookie` header, when it holds a well-formed one. */
export function sessionTokenIn(cookieHeader: string | undefined): string | undefined {
  for (const pair of cookieHeader?.split(';') ?? []) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    if (TOKEN.test(value)) return value;
  }
  return undefined;
}

/** Whether the browser talks https to us (directly, or to the proxy in front: X-Forwarded-Proto). */
export function cameOverHttps(request: Pick<IncomingMessage, 'headers' | 'socket'>): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (request.socket as TLSSocket).encrypted === true || proto === 'https';
}

/**
 * The `Set-Cookie` value of a session: HttpOnly (no script reads it), SameSite=Lax (no
 * cross-site POST carries it), Path=/, Secure over https; `maxAgeSeconds` 0 clears it.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=Lax',
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
