/**
 * The portal's list filters on an index each, so that a list of 1,000,000 items reads what it
 * shows, not every item: the years of the year filter (one step per year, for the county and
 * for each agency) and the count of a year; a column's list, the county's or an agency's, in
 * order of publication, and its count.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('catalogue_items_published_on').on('catalogue_items').columns(['status', 'published_date']).execute();
  await db.schema.createIndex('catalogue_items_agency_published_on').on('catalogue_items').columns(['agency_id', 'status', 'published_date']).execute();
  await db.schema.createIndex('catalogue_items_category_listing').on('catalogue_items').columns(['status', 'category', 'published_at', 'id']).execute();
  await db.schema
    .createIndex('catalogue_items_agency_category_listing')
    .on('catalogue_items')
    .columns(['agency_id', 'status', 'category', 'published_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('catalogue_items_agency_category_listing').execute();
  await db.schema.dropIndex('catalogue_items_category_listing').execute();
  await db.schema.dropIndex('catalogue_items_agency_published_on').execute();
  await db.schema.dropIndex('catalogue_items_published_on').execute();
}
