/**
 * What text extraction cannot see inside an Office file: pictures. (Embedded files and
 * objects are not asked about: the published copy has none, sanitize.ts removes them.)
 */
import { zipEntries } from './zip.ts';

export function mediaNote(bytes: Uint8Array, root: 'word' | 'xl', what: string): string | null {
  const names = (zipEntries(bytes) ?? []).map((e) => e.name).filter((n) => !n.endsWith('/'));
  const images = names.filter((n) => n.startsWith(`${root}/media/`)).length;
  return images === 0 ? null : `${what}含有 ${images} 张图片，其中的文字无法自动筛查，请人工查看（图片的元数据在公开时删除）`;
}
