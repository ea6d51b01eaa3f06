/**
 * Text the portal reads from a version rather than from the published item — the 更正说明 of
 * each version and the attachments' file names (shown on the page and sent in
 * Content-Disposition) — with the values the reviewer masked masked there too.
 */
import type { Kysely } from 'kysely';
import { maskValues } from '../../domain/screening/index.ts';
import { redactedHitsOf } from '../../store/catalogue-versions.repo.ts';
import type { DB } from '../../store/schema.ts';

async function masker(db: Kysely<DB>, versionIds: readonly number[]): Promise<(versionId: number, text: string) => string> {
  const hits = await redactedHitsOf(db, versionIds);
  return (versionId, text) =>
    maskValues(
      text,
      hits.filter((h) => h.version_id === versionId),
    );
}

/** Versions with their 更正说明 masked. */
export async function maskedChangeNotes<V extends { id: number; change_note: string | null }>(db: Kysely<DB>, versions: readonly V[]): Promise<V[]> {
  const mask = await masker(
    db,
    versions.map((v) => v.id),
  );
  return versions.map((v) => ({ ...v, change_note: v.change_note === null ? null : mask(v.id, v.change_note) }));
}

/** Attachments of one version with their file names masked. */
export async function maskedFilenames<A extends { filename: string }>(db: Kysely<DB>, versionId: number, attachments: readonly A[]): Promise<A[]> {
  const mask = await masker(db, [versionId]);
  return attachments.map((a) => ({ ...a, filename: mask(versionId, a.filename) }));
}
