/** Reads the import form's multipart files within the limits, naming a file too large or a batch with too many files. */
import type { FastifyRequest } from 'fastify';
import { importLimits, type Upload } from '../../../app/reports/import.ts';
import { InputError } from '../../../domain/shared/result.ts';

/** The files of the upload form, within the limits: a file too large is named, as is a batch with too many files. */
export async function readUploads(request: FastifyRequest): Promise<Upload[]> {
  const uploads: Upload[] = [];
  let total = 0;
  const mb = importLimits.fileBytes / 1024 / 1024;
  // throwFileSizeLimit is read by parts() too, though its type leaves it out.
  const parts = request.parts({
    limits: { fileSize: importLimits.fileBytes, files: importLimits.files, fields: 5, parts: importLimits.files + 5 },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest['parts']>[0]);
  try {
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (part.filename === '' && bytes.length === 0) continue;
      if (part.file.truncated) {
        throw new InputError([{ field: 'files', code: 'GK_IMPORT_FILE_SIZE', message: `文件“${part.filename}”超过${mb} MB，请压缩或拆分后上传` }]);
      }
      // Stop reading once the batch is over its limit, not after 50 files of 20 MB.
      total += bytes.length;
      if (total > importLimits.batchBytes) {
        throw new InputError([
          { field: 'files', code: 'GK_IMPORT_BATCH_SIZE', message: `一次上传的文件合计不能超过${importLimits.batchBytes / 1024 / 1024} MB，请分批上传` },
        ]);
      }
      uploads.push({ filename: part.filename, bytes: new Uint8Array(bytes) });
    }
  } catch (e) {
    request.raw.unpipe();
    request.raw.resume();
    if (e instanceof InputError) throw e;
    const err = e as { code?: string; statusCode?: number };
    if (err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT') {
      throw new InputError([{ field: 'files', code: 'GK_IMPORT_TOO_MANY', message: `一次最多上传${importLimits.files}个文件，请分批上传` }]);
    }
    throw Object.assign(new Error('Unreadable upload'), { statusCode: err.statusCode && err.statusCode < 500 ? err.statusCode : 400, cause: e });
  }
  if (uploads.length === 0) throw new InputError([{ field: 'files', code: 'GK_IMPORT_EMPTY', message: '请选择要导入的年度报告文件' }]);
  return uploads;
}
