import { hashPassword, SCRYPT_COST, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('stores scrypt with its parameters and a salt of its own', async () => {
    const [one, two] = await Promise.all([hashPassword('demo'), hashPassword('demo')]);
    expect(one).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain('demo');
  });

  it('verifies the password and nothing else', async () => {
    const hash = await hashPassword('demo');
    expect(await verifyPassword('demo', hash)).toBe(true);
    expect(await verifyPassword('Demo', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('verifies with the parameters the hash was made with', async () => {
    const cheap = await hashPassword('pw', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('pw', cheap)).toBe(true);
    expect(SCRYPT_COST.N).toBeGreaterThanOrEqual(2 ** 15);
  });

  it('matches nothing against a malformed hash', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$x$8$1$a$b',
      'scrypt$1000$8$1$a$b',
      'bcrypt$2$1$1$a$b',
    ]) {
      expect(await verifyPassword('demo', stored)).toBe(false);
    }
  });
});
