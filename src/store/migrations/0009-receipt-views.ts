/**
 * The receipt page of an online application (/apply/receipt/<token>), shown after the
 * redirect that follows the submission: one row per submission, found by the SHA-256 of its
 * one-time token (the token itself is only in the applicant's address), holding the query
 * code sealed with a key derived from that token until the page is first shown, and the
 * time the page stops opening.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('receipt_views')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('application_submissions.id'))
    .addColumn('sealed_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('receipt_views_expiry').on('receipt_views').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('receipt_views').execute();
}
