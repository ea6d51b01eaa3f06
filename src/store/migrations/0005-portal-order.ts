/**
 * Lists and search results in order without reading every item. Published items by time of
 * publication, for the county's and each agency's lists (newest first, a page at a time).
 * Search: search_documents keeps each item's
 * first publication and a number `seq` that rises with (published_at, item_id). On SQLite,
 * `seq` is the item's rowid in search_fts, so FTS5 hands out the newest matches first and a
 * page of results stops after it; the index is rebuilt with the new rowids.
 */
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';
import type { DB } from '../schema.ts';
import { reindexAll } from '../search.repo.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('catalogue_items_listing').on('catalogue_items').columns(['status', 'published_at', 'id']).execute();
  await db.schema.createIndex('catalogue_items_agency_listing').on('catalogue_items').columns(['agency_id', 'status', 'published_at', 'id']).execute();
  await db.schema
    .alterTable('search_documents')
    .addColumn('published_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('search_documents')
    .addColumn('seq', isPostgres(db) ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Every entry gets its number and, on SQLite, its new rowid; then the numbers are unique.
  await reindexAll(db as Kysely<DB>);
  await db.schema.createIndex('search_documents_seq').on('search_documents').column('seq').unique().execute();
  await db.schema.createIndex('search_documents_order').on('search_documents').columns(['published_at', 'item_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('catalogue_items_agency_listing').execute();
  await db.schema.dropIndex('catalogue_items_listing').execute();
  await db.schema.dropIndex('search_documents_order').execute();
  await db.schema.dropIndex('search_documents_seq').execute();
  await db.schema.alterTable('search_documents').dropColumn('seq').execute();
  await db.schema.alterTable('search_documents').dropColumn('published_at').execute();
}
