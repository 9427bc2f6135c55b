import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt's cost: N = 2^15, r = 8 (32 MiB of memory and ≈ 0.1 s of one core per hash), p = 1.
 * Every hash carries its own parameters, so raising them later keeps old hashes verifiable.
 */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  // maxmem above the 128 · N · r bytes the cost needs (Node's default is exactly 32 MiB).
  const options = { ...cost, maxmem: 256 * (cost.N ?? 1) * (cost.r ?? 1) };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** A new salted hash of `password`: `scrypt$N$r$p$<salt>$<hash>` (base64url). */
export async function hashPassword(password: string, cost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost);
  return [
    PREFIX,
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/**
 * Whether `password` matches a {@link hashPassword} hash, compared in constant time. A malformed
 * hash matches nothing (and still costs a hash, so it answers no faster).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [prefix, n, r, p, salt, hash] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const wellFormed =
    prefix === PREFIX &&
    [cost.N, cost.r, cost.p].every((value) => Number.isInteger(value) && value > 0) &&
    cost.N > 1 &&
    (cost.N & (cost.N - 1)) === 0 &&
    !!salt &&
    !!hash;
  const expected = wellFormed ? Buffer.from(hash, 'base64url') : Buffer.alloc(KEY_LENGTH);
  const key = await derive(
    password,
    wellFormed ? Buffer.from(salt, 'base64url') : Buffer.alloc(SALT_LENGTH),
    wellFormed ? cost : SCRYPT_COST,
  );
  return wellFormed && key.length === expected.length && timingSafeEqual(key, expected);
}
