import { adoptSession, BENCH_ORIGIN, sessionHeaders, socketOptions } from './session';

describe('session', () => {
  afterEach(() => adoptSession(undefined));

  it('sends the Origin alone while the server has no sign-in', () => {
    expect(sessionHeaders()).toEqual({ origin: BENCH_ORIGIN });
    expect(socketOptions()).toMatchObject({ extraHeaders: { origin: BENCH_ORIGIN } });
    expect(socketOptions()).not.toHaveProperty('auth');
  });

  it('adds the session cookie to every request and handshake once signed in', () => {
    adoptSession('sid=abc');
    expect(sessionHeaders()).toEqual({ origin: BENCH_ORIGIN, cookie: 'sid=abc' });
    expect(socketOptions({ interest: 'all' })).toMatchObject({
      extraHeaders: { cookie: 'sid=abc' },
      auth: { interest: 'all' },
      forceNew: true,
      transports: ['websocket'],
    });
  });
});
