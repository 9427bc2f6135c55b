// The one place that says what every HTTP request (http.ts) and every `/data` socket
// (client-worker.ts) of the bench carries: the Origin the server is started to allow, and — once
// the server has sign-in — the session cookie. The coordinator signs in right after starting a
// server (servers.ts); client workers adopt its cookie with every 'connect' and 'load' message.
import type { ManagerOptions, SocketOptions } from 'socket.io-client';

/** The Origin the benchmark clients claim; the server is started with it in CORS_ORIGINS. */
export const BENCH_ORIGIN = 'http://127.0.0.1:4200';

/** `sid=…` of this process's session; undefined while the server has no sign-in. */
let cookie: string | undefined;

/** Headers of every HTTP request and every socket handshake of the bench. */
export function sessionHeaders(): Record<string, string> {
  return cookie ? { origin: BENCH_ORIGIN, cookie } : { origin: BENCH_ORIGIN };
}

/** This process's session cookie, to hand to client workers. */
export function sessionCookie(): string | undefined {
  return cookie;
}

/** A client worker takes over its coordinator's session. */
export function adoptSession(value: string | undefined): void {
  cookie = value;
}

/**
 * Options of every `/data` socket: its own connection (`forceNew`, never multiplexed), websocket
 * only, no reconnection (a lost client is an error), the session's headers, and `auth` (e.g.
 * shared-types' ALL_INTEREST; none: the socket hears only the rows it loaded).
 */
export function socketOptions(auth?: object): Partial<ManagerOptions & SocketOptions> {
  return {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 20_000,
    extraHeaders: sessionHeaders(),
    ...(auth ? { auth: { ...auth } } : {}),
  };
}
