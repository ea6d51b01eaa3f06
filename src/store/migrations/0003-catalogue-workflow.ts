/**
 * The proactive-disclosure workflow: each item's versions (draft → 保密审查 → approval →
 * published, corrections as new versions), their attachments and screening hits, and
 * what the portal needs besides (view counts, withdrawal, the agencies' 指南 contacts).
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn('id', 'integer', (c) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.autoIncrement().primaryKey()));
  const blob = pg ? 'bytea' : 'blob';

  for (const [name, type] of [
    ['author_id', 'integer'],
    ['current_version', 'integer'],
    ['statutory_item', 'text'],
    ['domain', 'text'],
    ['withdrawn_at', 'text'],
    ['withdrawn_reason', 'text'],
  ] as const) {
    await db.schema.alterTable('catalogue_items').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('catalogue_items')
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  for (const name of ['office_name', 'office_address', 'office_hours', 'office_phone', 'office_fax', 'office_email', 'postcode']) {
    await db.schema
      .alterTable('agencies')
      .addColumn(name, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }

  await id(db.schema.createTable('item_versions'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('statutory_item', 'text')
    .addColumn('domain', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('document_kind', 'text')
    .addColumn('written_date', 'text')
    .addColumn('generated_date', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('review_opinion', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('returned_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_versions_number', ['item_id', 'version'])
    // The database itself refuses a published version without a recorded review and approval (条例 第十七条).
    .addCheckConstraint(
      'item_versions_reviewed_before_published',
      sql`state NOT IN ('published', 'superseded') OR (reviewed_by IS NOT NULL AND review_opinion IS NOT NULL AND approved_by IS NOT NULL)`,
    )
    .execute();
  await db.schema.createIndex('item_versions_state').on('item_versions').columns(['state', 'item_id']).execute();

  await id(db.schema.createTable('item_attachments'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('item_versions.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    /** The copy the portal serves when values were redacted. */
    .addColumn('redacted_content', blob)
    /** Extracted text parts as JSON ({location, text, hidden}[]), and why there is none. */
    .addColumn('text_parts', 'text', (c) => c.notNull())
    .addColumn('unreadable', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_attachments_version').on('item_attachments').column('version_id').execute();

  await id(db.schema.createTable('screening_hits'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('item_versions.id'))
    .addColumn('attachment_id', 'integer', (c) => c.references('item_attachments.id'))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('reason', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('screening_hits_version').on('screening_hits').column('version_id').execute();
}
