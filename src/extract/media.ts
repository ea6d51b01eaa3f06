/** What text extraction cannot see inside an Office file: pictures and embedded objects. */
import { zipEntries } from './zip.ts';

export function mediaNote(bytes: Uint8Array, root: 'word' | 'xl', what: string): string | null {
  const names = (zipEntries(bytes) ?? []).map((e) => e.name).filter((n) => !n.endsWith('/'));
  const images = names.filter((n) => n.startsWith(`${root}/media/`)).length;
  const embedded = names.filter((n) => n.startsWith(`${root}/embeddings/`)).length;
  const notes = [
    images > 0 ? ` ${images} 张图片` : '',
    embedded > 0 ? ` ${embedded} 个嵌入对象` : '',
  ].filter(Boolean);
  return notes.length === 0 ? null : `${what}含有${notes.join(' 和')}，其中的文字无法自动筛查，请人工查看`;
}
