/**
 * Full-text search of the published catalogue (src/store/search.repo.ts). The tokens are
 * made in TypeScript (src/domain/search/tokens.ts) and stored as space-separated words:
 * on SQLite in a contentless FTS5 table (the text itself stays in catalogue_items), on
 * PostgreSQL as tsvector('simple') with GIN indexes, one row per window of a long part.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_documents')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('catalogue_items.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('index_key', 'text')
    .addColumn('doc_key', 'text')
    .execute();
  await db.schema.createIndex('search_documents_index_key').on('search_documents').column('index_key').execute();
  await db.schema.createIndex('search_documents_doc_key').on('search_documents').column('doc_key').execute();

  if (!isPostgres(db)) {
    // unicode61 only splits at the spaces between our tokens; diacritics are kept as PostgreSQL keeps them.
    await sql`create virtual table search_fts using fts5(
      title, summary, body, title_chars, summary_chars, body_chars,
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
    return;
  }
  await db.schema
    .createTable('search_text')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('search_documents.item_id').onDelete('cascade'))
    .addColumn('part', 'smallint', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('tokens', sql`tsvector`, (c) => c.notNull())
    .addColumn('chars', sql`tsvector`, (c) => c.notNull())
    .addPrimaryKeyConstraint('search_text_pk', ['item_id', 'part', 'seq'])
    .execute();
  await db.schema.createIndex('search_text_tokens').on('search_text').using('gin').column('tokens').execute();
  await db.schema.createIndex('search_text_chars').on('search_text').using('gin').column('chars').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await db.schema.dropTable('search_text').execute();
  else await sql`drop table search_fts`.execute(db);
  await db.schema.dropTable('search_documents').execute();
}
