/**
 * The receipt page of an online application, reached by the redirect that follows the
 * submission (POST-redirect-GET), so that reloading it submits nothing. A one-time token in
 * its address opens it for `receiptViewMinutes`; the query code is on it the first time
 * only. The code stays out of every address and is not kept readable: the database holds
 * the token's SHA-256 and the code sealed (AES-256-GCM) with a key derived from the token,
 * which only the applicant's browser has; the sealed code is erased when first shown.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Agency } from '../../domain/agencies/agency.ts';
import { NotFoundError } from '../../domain/shared/result.ts';
import { getAgency } from '../../store/agencies.repo.ts';
import { findReceiptView, insertReceiptView, takeSealedCode } from '../../store/requests.repo.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';

/** How long the receipt page opens after the submission. */
export const receiptViewMinutes = 30;

/** 32 random bytes, base64url. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export const receiptViewNotFound = `找不到这张回执：链接有误，或者已超过提交后${receiptViewMinutes}分钟的有效期。申请编号和查询码只在提交后显示；已经记下的，请到申请查询页面查看办理进度。`;

const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const keyOf = (token: string) =>
  Buffer.from(crypto.hkdfSync('sha256', Buffer.from(token, 'base64url'), Buffer.alloc(0), 'gongkai receipt view: query code', 32));

function seal(token: string, code: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyOf(token), iv);
  const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

function unseal(token: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyOf(token), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
}

/** Opens the receipt page of a submission in the submission's transaction; returns its token. */
export async function issueReceiptView(db: Kysely<DB>, submissionId: number, queryCode: string, now: Date): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await insertReceiptView(db, {
    token_hash: hashOf(token),
    submission_id: submissionId,
    sealed_code: seal(token, queryCode),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + receiptViewMinutes * 60_000).toISOString(),
  });
  return token;
}

export interface ReceiptView {
  receiptNo: string;
  agency: Agency;
  submittedAt: string;
  /** The query code the first time the page is opened; null after. */
  queryCode: string | null;
}

/** What the receipt page of `token` shows now; a token unknown or expired is not found (one message). */
export async function openReceiptView(ctx: AppContext, token: string): Promise<ReceiptView> {
  if (!tokenPattern.test(token)) throw new NotFoundError(receiptViewNotFound);
  const hash = hashOf(token);
  return inTransaction(ctx, async (db) => {
    const v = await findReceiptView(db, hash, ctx.now().toISOString());
    const agency = v && (await getAgency(db, v.agency_id));
    if (!v || !agency) throw new NotFoundError(receiptViewNotFound);
    // Erased first: of two loads at once, only the one that erased it shows the code.
    const queryCode = v.sealed_code !== null && (await takeSealedCode(db, hash)) === 1 ? unseal(token, v.sealed_code) : null;
    return { receiptNo: v.receipt_no, agency, submittedAt: v.submitted_at, queryCode };
  });
}
