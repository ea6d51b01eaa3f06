/** Keeping the portal's search index in step with publication, correction and withdrawal. */
import type { Kysely } from 'kysely';
import { getItemRow } from '../../store/catalogue-versions.repo.ts';
import { indexItem, reindexAll, searchDocumentOf, unindexItem } from '../../store/search.repo.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../../store/schema.ts';

export async function indexForSearch(db: Kysely<DB>, itemId: number): Promise<void> {
  const item = await getItemRow(db, itemId);
  if (item?.status !== 'published') return unindexItem(db, itemId);
  await indexItem(db, searchDocumentOf(item));
}

export async function unindexFromSearch(db: Kysely<DB>, itemId: number): Promise<void> {
  await unindexItem(db, itemId);
}

/** Rebuilds the whole index from the published items (after an upgrade that created it, or on request). */
export async function rebuildSearchIndex(ctx: AppContext): Promise<number> {
  return ctx.db.transaction().execute((trx) => reindexAll(trx));
}
