import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now: number;
  let throttle: LoginThrottle;

  beforeEach(() => {
    now = 1_000_000;
    throttle = new LoginThrottle(3, 60_000, () => now);
  });

  it('refuses a username after too many failures, until the oldest leaves the window', () => {
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterSeconds('bob')).toBe(0);
      throttle.failed('bob');
      now += 1000;
    }
    expect(throttle.retryAfterSeconds('bob')).toBe(57);
    expect(throttle.retryAfterSeconds('BOB')).toBe(57);
    expect(throttle.retryAfterSeconds('carol')).toBe(0);
    now += 57_000;
    expect(throttle.retryAfterSeconds('bob')).toBe(0);
  });

  it('forgets the failures of a successful sign-in', () => {
    throttle.failed('bob');
    throttle.failed('bob');
    throttle.succeeded('Bob');
    throttle.failed('bob');
    throttle.failed('bob');
    expect(throttle.retryAfterSeconds('bob')).toBe(0);
  });
});
