/** Staff accounts, and the platform administrator a new installation starts with. */
import type { Kysely } from 'kysely';
import type { RoleGrant } from '../../store/users.repo.ts';
import { countPlatformAdmins, grantRole, insertUser, userExists } from '../../store/users.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { hashPassword, randomPassword } from './passwords.ts';

export interface NewStaff {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: RoleGrant[];
  /** An administrator issued the password: the owner changes it at the first log-in. */
  mustChangePassword?: boolean;
}

/** Writes an account and its roles, with its audit event (the caller holds the transaction). */
export async function writeStaffUser(db: Kysely<DB>, at: string, actorId: number | null, u: NewStaff): Promise<number> {
  const id = await insertUser(db, {
    username: u.username,
    displayName: u.displayName,
    passwordHash: u.passwordHash,
    createdAt: at,
    mustChangePassword: u.mustChangePassword ?? false,
  });
  for (const r of u.roles) await grantRole(db, id, r);
  await appendEvent(db, {
    occurredAt: at,
    actorId,
    agencyId: u.roles.find((r) => r.agencyId !== null)?.agencyId ?? null,
    subjectType: 'user',
    subjectId: id,
    action: 'user.created',
    payload: { username: u.username, roles: u.roles, mustChangePassword: u.mustChangePassword ?? false },
  });
  return id;
}

/**
 * A database without a platform administrator gets one, `admin`, with a random
 * password that is returned once to be printed, never stored in clear, and changed at
 * the first log-in.
 */
export async function ensurePlatformAdmin(ctx: AppContext): Promise<{ username: string; password: string } | null> {
  if ((await countPlatformAdmins(ctx.db)) > 0) return null;
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (db) => {
    if ((await countPlatformAdmins(db)) > 0) return null;
    let username = 'admin';
    for (let i = 2; await userExists(db, username); i++) username = `admin${i}`;
    await writeStaffUser(db, ctx.now().toISOString(), null, {
      username,
      displayName: '平台管理员',
      passwordHash,
      roles: [{ role: 'platformAdmin', agencyId: null }],
      // Printed on the console (and perhaps kept in its log): changed at the first log-in.
      mustChangePassword: true,
    });
    return { username, password };
  });
}
