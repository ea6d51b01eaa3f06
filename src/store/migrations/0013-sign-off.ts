/**
 * Sign-off on disclosure cases (条例 第三十三条第二款; src/law/sign-off.ts): each agency's
 * choice whether its 予以公开 replies need the head's sign-off too, and on each case what
 * waits for that head (a drafted reply, a proposed extension) so the dashboard lists it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agency_sign_off')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('grants', 'integer', (c) => c.notNull().defaultTo(0).check(sql`grants in (0, 1)`))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('applications')
    .addColumn('sign_off', 'text', (c) => c.check(sql`sign_off in ('reply', 'extension')`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('sign_off').execute();
  await db.schema.dropTable('agency_sign_off').execute();
}
