/**
 * Reading the online application form (multipart/form-data): its text fields and the
 * identity files, within the limits of applicationLimits. A file over the size limit is
 * cut one byte past it, so the app's own check names it; the parser stops one file past the
 * count limit, so the app's check names that too.
 */
import type { FastifyRequest } from 'fastify';
import type { Upload } from '../../app/requests/intake.ts';
import { applicationLimits } from '../../law/application-form.ts';

export interface ReadForm {
  fields: Record<string, string>;
  uploads: Upload[];
}

/** The largest body a complete application can be: every file at its limit plus the text. */
export const maxApplicationBodyBytes = (applicationLimits.maxUploads + 1) * (applicationLimits.maxUploadBytes + 1) + 1024 * 1024;

/** Text fields may be long (20 items of 2,000 characters), never more than this each. */
const fieldBytes = 256 * 1024;

export async function readApplicationMultipart(request: FastifyRequest): Promise<ReadForm> {
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  // throwFileSizeLimit is read by parts() too, though its type leaves it out.
  const options = {
    limits: { fileSize: applicationLimits.maxUploadBytes + 1, files: applicationLimits.maxUploads + 1, fields: 40, fieldSize: fieldBytes, parts: 60 },
    throwFileSizeLimit: false,
  };
  const parts = request.parts(options);
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !Object.hasOwn(fields, part.fieldname)) fields[part.fieldname] = part.value;
        continue;
      }
      const bytes = await part.toBuffer();
      // A file input left empty still sends a part without a name or bytes.
      if (part.filename === '' && bytes.length === 0) continue;
      if (part.fieldname === 'identityFiles') uploads.push({ filename: part.filename, bytes: new Uint8Array(bytes) });
    }
  } catch (e) {
    // The rest of the body is not parsed: let it flow away rather than hold the connection.
    request.raw.unpipe();
    request.raw.resume();
    const err = e as { code?: string; statusCode?: number };
    if (err.code === 'FST_FILES_LIMIT') return { fields, uploads };
    // A malformed body (busboy's plain errors) is the client's, not a 500.
    throw Object.assign(new Error('Unreadable application form'), { statusCode: err.statusCode && err.statusCode < 500 ? err.statusCode : 400, cause: e });
  }
  return { fields, uploads };
}
