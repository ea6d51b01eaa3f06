/**
 * Accounts (issue 15 point 6): a password issued by an administrator (a new account, a
 * reset) must be changed by its owner at the first log-in (`must_change_password`); and the
 * database itself refuses to publish a catalogue version whose reviewer or approver is its
 * author, or whose approver is its reviewer — whoever created the accounts, and whatever
 * roles one person holds.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

const sameHands = sql.raw(
  `NEW.state = 'published' AND (NEW.approved_by = NEW.reviewed_by OR NEW.approved_by = NEW.author_id OR NEW.reviewed_by = NEW.author_id)`,
);
const message = '同一版本的撰稿、保密审查和批准公开须由三个不同的人完成';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION gk_check_separate_hands() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${sameHands} THEN RAISE EXCEPTION '${sql.raw(message)}' USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER item_versions_separate_hands BEFORE INSERT OR UPDATE ON item_versions
      FOR EACH ROW EXECUTE FUNCTION gk_check_separate_hands()`.execute(db);
    return;
  }
  for (const when of ['INSERT', 'UPDATE']) {
    await sql`CREATE TRIGGER ${sql.raw(`item_versions_separate_hands_${when.toLowerCase()}`)} BEFORE ${sql.raw(when)} ON item_versions
      WHEN ${sameHands}
      BEGIN SELECT RAISE(ABORT, '${sql.raw(message)}'); END`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER IF EXISTS item_versions_separate_hands ON item_versions`.execute(db);
    await sql`DROP FUNCTION IF EXISTS gk_check_separate_hands()`.execute(db);
  } else {
    for (const name of ['item_versions_separate_hands_insert', 'item_versions_separate_hands_update'])
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(name)}`.execute(db);
  }
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
