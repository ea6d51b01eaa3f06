/** argon2id password hashes (@node-rs/argon2: prebuilt, no install script; OWASP's m=19 MiB, t=2, p=1 defaults). */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { passwordProblem, type PasswordOwner } from '../../domain/auth/password.ts';

// Algorithm.Argon2id is a const enum, which tsx's isolated transpilation cannot inline.
const argon2id = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A random password for generated accounts: 18 characters of base64url. */
export function randomPassword(): string {
  return randomBytes(14).toString('base64url');
}

/** A password an administrator issues to `owner`: random, and held to the same rule as one a person chooses. */
export function issuedPassword(owner: PasswordOwner): string {
  for (;;) {
    const p = randomPassword();
    if (!passwordProblem(p, owner)) return p;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal it. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomPassword());
  return dummy;
}
