/** What an uploaded attachment really is: by its first bytes and, for a ZIP, by its parts. */
import { attachmentTypes, maxAttachmentBytes, maxUnpackedBytes, type AttachmentType } from '../law/screening.ts';
import { zipEntries, zipEntryText } from './zip.ts';

const accepted = Object.values(attachmentTypes)
  .flatMap((t) => t.extensions)
  .map((e) => e.slice(1).toUpperCase())
  .join('、');

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return magic.length <= bytes.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));
}

const ole = '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1';

const officeMain: Record<string, { type: 'docx' | 'xlsx'; macro: boolean }> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': { type: 'docx', macro: false },
  'application/vnd.ms-word.document.macroEnabled.main+xml': { type: 'docx', macro: true },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': { type: 'xlsx', macro: false },
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': { type: 'xlsx', macro: true },
};

/** A ZIP's Office type from [Content_Types].xml and its main part, or an error without the file name. */
function officeType(bytes: Uint8Array): { type: 'docx' | 'xlsx' } | { problem: 'notOffice' | 'macro' | 'bomb' } {
  const entries = zipEntries(bytes);
  if (!entries) return { problem: 'notOffice' };
  if (entries.reduce((sum, e) => sum + e.size, 0) > maxUnpackedBytes) return { problem: 'bomb' };
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  const xml = types ? zipEntryText(bytes, types) : null;
  if (!xml) return { problem: 'notOffice' };
  for (const [tag] of xml.matchAll(/<Override\b[^>]*>/g)) {
    const part = /PartName="\/?([^"]+)"/.exec(tag)?.[1];
    const main = officeMain[/ContentType="([^"]+)"/.exec(tag)?.[1] ?? ''];
    const expected = main?.type === 'docx' ? part === 'word/document.xml' : part === 'xl/workbook.xml';
    if (main && expected && entries.some((e) => e.name === part)) return main.macro ? { problem: 'macro' } : { type: main.type };
  }
  return { problem: 'notOffice' };
}

/**
 * The attachment's type, or a Chinese message naming the file: too large, empty, a type the
 * platform does not take, or disguised (the extension says one type, the content another).
 */
export function sniffAttachment(bytes: Uint8Array, filename: string): { type: AttachmentType } | { error: string } {
  const name = `附件“${filename}”`;
  if (bytes.length === 0) return { error: `${name}是空文件，请重新选择` };
  if (bytes.length > maxAttachmentBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
    return { error: `${name}有 ${mb(bytes.length)} MB，超过了 ${mb(maxAttachmentBytes)} MB 的上限，请压缩或拆分后再上传` };
  }
  const ext = /\.[^.]*$/.exec(filename.toLowerCase())?.[0] ?? '';
  const claimed = (Object.keys(attachmentTypes) as AttachmentType[]).find((t) => (attachmentTypes[t].extensions as readonly string[]).includes(ext));
  if (!claimed) return { error: `${name}的类型不受支持：只接受 ${accepted} 文件` };
  const label = attachmentTypes[claimed].label;
  if (startsWith(bytes, ole)) {
    return { error: `${name}是旧版 Office 文件（DOC、XLS）或设有打开密码的文件，不是${label}：请另存为不设密码的 DOCX 或 XLSX 后再上传` };
  }
  const actual = (Object.keys(attachmentTypes) as AttachmentType[]).find((t) => attachmentTypes[t].magic.some((m: string) => startsWith(bytes, m)));
  if (!actual) return { error: `${name}的内容不是${label}（文件头不符），可能是改了扩展名的其他文件或已损坏：请上传原始文件` };
  let type: AttachmentType = actual;
  if (actual === 'docx' || actual === 'xlsx') {
    const office = officeType(bytes);
    if ('problem' in office) {
      if (office.problem === 'macro') return { error: `${name}含有宏（DOCM、XLSM）：请另存为不含宏的 DOCX 或 XLSX 后再上传` };
      if (office.problem === 'bomb') return { error: `${name}解压后过大，无法处理：请删去多余内容后再上传` };
      return claimed === 'docx' || claimed === 'xlsx'
        ? { error: `${name}是 ZIP 压缩包，不是${label}：请上传原始的 Word 或 Excel 文件` }
        : { error: `${name}的扩展名是 ${ext}，内容却是 ZIP 压缩包：平台不接受压缩包，请上传原始文件` };
    }
    type = office.type;
  }
  if (type !== claimed) {
    return {
      error: `${name}的扩展名是 ${ext}，内容却是${attachmentTypes[type].label}：文件被改了扩展名，请改回 ${attachmentTypes[type].extensions[0]} 或上传原始文件`,
    };
  }
  return { type };
}
