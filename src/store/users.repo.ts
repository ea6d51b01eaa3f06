import type { Kysely } from 'kysely';
import type { Role } from '../law/roles.ts';
import type { DB } from './schema.ts';

export interface RoleGrant {
  role: Role;
  agencyId: number | null;
}

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  /** The password is one an administrator issued: every staff page leads to changing it. */
  mustChangePassword: boolean;
  roles: RoleGrant[];
}

export async function findUserForLogin(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').select(['id', 'password_hash', 'active']).where('username', '=', username).executeTakeFirst();
}

export async function getStaffUser(db: Kysely<DB>, id: number): Promise<StaffUser | undefined> {
  const u = await db.selectFrom('users').select(['id', 'username', 'display_name', 'active', 'must_change_password']).where('id', '=', id).executeTakeFirst();
  if (!u) return undefined;
  const roles = await db.selectFrom('user_roles').select(['role', 'agency_id']).where('user_id', '=', id).orderBy('id').execute();
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    active: u.active === 1,
    mustChangePassword: u.must_change_password === 1,
    roles: roles.map((r) => ({ role: r.role as Role, agencyId: r.agency_id })),
  };
}

export async function insertUser(
  db: Kysely<DB>,
  u: { username: string; displayName: string; passwordHash: string; createdAt: string; mustChangePassword?: boolean },
): Promise<number> {
  const r = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      active: 1,
      created_at: u.createdAt,
      must_change_password: u.mustChangePassword ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function grantRole(db: Kysely<DB>, userId: number, grant: RoleGrant): Promise<void> {
  await db.insertInto('user_roles').values({ user_id: userId, agency_id: grant.agencyId, role: grant.role }).execute();
}

export async function revokeRole(db: Kysely<DB>, userId: number, grant: RoleGrant): Promise<void> {
  const q = db.deleteFrom('user_roles').where('user_id', '=', userId).where('role', '=', grant.role);
  await (grant.agencyId === null ? q.where('agency_id', 'is', null) : q.where('agency_id', '=', grant.agencyId)).execute();
}

export async function userExists(db: Kysely<DB>, username: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function countPlatformAdmins(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('user_roles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'platformAdmin')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listStaff(db: Kysely<DB>): Promise<StaffUser[]> {
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'active', 'must_change_password']).orderBy('username').execute();
  const roles = await db.selectFrom('user_roles').select(['user_id', 'role', 'agency_id']).orderBy('id').execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    active: u.active === 1,
    mustChangePassword: u.must_change_password === 1,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role as Role, agencyId: r.agency_id })),
  }));
}

/** `issued`: set by an administrator, so the owner must change it at the next log-in. */
export async function setPasswordHash(db: Kysely<DB>, userId: number, passwordHash: string, issued: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: issued ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
}

export async function setActive(db: Kysely<DB>, userId: number, active: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
}

export async function passwordHashOf(db: Kysely<DB>, userId: number): Promise<string | undefined> {
  return (await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst())?.password_hash;
}

/** Display names of staff by id (who recorded a settlement, a 解密, a review). */
export async function displayNames(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The roles each of `ids` holds now (the audit page names a person with their roles at the event's agency). */
export async function rolesOfUsers(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, RoleGrant[]>> {
  const wanted = [...new Set(ids)];
  const out = new Map<number, RoleGrant[]>();
  if (wanted.length === 0) return out;
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role', 'agency_id']).where('user_id', 'in', wanted).orderBy('id').execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), { role: r.role as Role, agencyId: r.agency_id }]);
  return out;
}
