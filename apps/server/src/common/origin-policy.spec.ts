import { OriginPolicy } from './origin-policy';

describe('OriginPolicy', () => {
  const policy = new OriginPolicy(['http://localhost:4200']);

  it('allows configured origins and requests without an origin', () => {
    expect(policy.allows('http://localhost:4200', 'localhost:3000')).toBe(true);
    expect(policy.allows(undefined, 'localhost:3000')).toBe(true);
  });

  it('allows the server’s own origin', () => {
    expect(policy.allows('http://localhost:3000', 'localhost:3000')).toBe(true);
    expect(policy.allows('https://app.example', 'app.example')).toBe(true);
  });

  it('refuses any other origin', () => {
    expect(policy.allows('http://evil.example', 'localhost:3000')).toBe(false);
    expect(policy.allows('http://localhost:4201', 'localhost:3000')).toBe(false);
    expect(policy.allows('null', 'localhost:3000')).toBe(false);
    expect(policy.allows('http://localhost:3000', undefined)).toBe(false);
  });
});
