import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports it as an ambient const enum, unusable under verbatimModuleSyntax.
const ARGON2ID = 2;

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~20 ms per hash on these machines (STACK §1).
const OPTIONS = { algorithm: ARGON2ID as never, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so response time does not reveal which usernames exist. */
export const DUMMY_HASH = await hashPassword('rongcuo-timing-equaliser');
