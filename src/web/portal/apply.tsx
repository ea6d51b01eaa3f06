/**
 * 网上申请 (GET/POST /apply, then GET /apply/receipt/<token>) and 申请查询 (GET/POST
 * /apply/status, POST /apply/status/letter): the public side of 依申请公开. Anonymous forms
 * with a CSRF token (a signed cookie and a hidden field), rate-limited per client address,
 * never cached (the pages carry the applicant's own data and the one-time query code). A
 * submission answers with a redirect to its receipt page, whose one-time token opens it for
 * 30 minutes and shows the query code the first time only (src/app/requests/receipt-view.ts).
 * The query code only travels in POST bodies and that one page, never in an address.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { submitApplication, type Submitted, type Upload } from '../../app/requests/intake.ts';
import { openReceiptView, receiptViewNotFound, type ReceiptView } from '../../app/requests/receipt-view.ts';
import { applicationStatus } from '../../app/requests/status.ts';
import { InputError, NotFoundError, fieldError } from '../../domain/shared/result.ts';
import { applicationLimits } from '../../law/application-form.ts';
import { receiptChannels } from '../../law/receipt-channels.ts';
import { timeLimits } from '../../law/time-limits.ts';
import { refuseNul } from '../plugins/input.ts';
import { renderLetterDocx } from '../../render/letters/docx.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, firstString, positiveInt } from '../views/components.tsx';
import { Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { applicationOf, formValuesOf } from '../views/application-fields.tsx';
import { ApplyForm, type ApplyFormState } from './apply-form.tsx';
import { StatusForm, StatusResult, type StatusFormState } from './apply-status.tsx';
import { maxApplicationBodyBytes, readApplicationMultipart } from './apply-upload.ts';

/** Submitting: stricter than the search (60 a minute) and the log-in (30 a minute). */
export const applyRateLimit = { rateLimit: { max: 10, timeWindow: '10 minutes' } };
/** Looking up and downloading: each try costs a password hash, and guessing codes must stay slow. */
export const statusRateLimit = { rateLimit: { max: 20, timeWindow: '10 minutes' } };

const applyTitle = '网上申请政府信息公开';
const statusTitle = '申请查询';
const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** Uploads read from the multipart body before the CSRF check (which needs the body's token). */
const uploadsOf = new WeakMap<FastifyRequest, Upload[]>();

export async function applyRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  const applyPage = async (reply: FastifyReply, state: ApplyFormState, status = 200) => {
    const [site, agencies] = await Promise.all([siteInfo(ctx.db), listAgencies(ctx.db)]);
    return sendPage(
      noStore(reply),
      <Layout title={applyTitle} site={site} meta={{ ColumnName: '依申请公开' }}>
        <Breadcrumbs
          trail={[
            ['首页', '/'],
            ['政府信息公开', '/agencies'],
            [applyTitle, null],
          ]}
        />
        <h1>{applyTitle}</h1>
        <p class="lead">
          公民、法人或者其他组织可以在这里向县政府及各乡镇、县直部门在线申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条、第二十九条）。已经提交的，请到
          <a href="/apply/status">申请查询</a>查看办理进度。
        </p>
        <ApplyForm agencies={agencies} state={state} csrf={reply.generateCsrf()} />
      </Layout>,
      status,
    );
  };

  app.get<{ Querystring: { agency?: string } }>('/apply', async (request, reply) => {
    const agencyId = positiveInt(firstString(request.query.agency));
    return applyPage(reply, { values: { agency: agencyId ? String(agencyId) : '' }, errors: [], filesDropped: false });
  });

  app.post(
    '/apply',
    {
      config: applyRateLimit,
      // The token is a field of the multipart body: read the body first (files are held in memory, within the limits).
      preValidation: async (request, reply) => {
        if (!request.isMultipart()) return;
        if (Number(request.headers['content-length'] ?? 0) > maxApplicationBodyBytes) {
          const mb = applicationLimits.maxUploadBytes / 1024 / 1024;
          const message = `提交的内容过大：身份证明材料最多${applicationLimits.maxUploads}个文件，每个不超过${mb} MB。请重新填写并选择文件`;
          return applyPage(reply, { values: {}, errors: [fieldError('identityFiles', 'GK_TOO_LARGE', message)], filesDropped: true }, 413);
        }
        const read = await readApplicationMultipart(request);
        refuseNul({ ...read.fields, identityFiles: read.uploads.map((u) => u.filename) });
        uploadsOf.set(request, read.uploads);
        (request as { body: unknown }).body = read.fields;
      },
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = formValuesOf(body, ['agency']);
      const uploads = uploadsOf.get(request) ?? [];
      let submitted: Submitted;
      try {
        submitted = await submitApplication(ctx, positiveInt(values.agency) ?? 0, applicationOf(values, body), uploads);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return applyPage(reply, { values, errors: e.errors, filesDropped: uploads.length > 0 }, 400);
      }
      // POST-redirect-GET: reloading the receipt page reads it again and submits nothing.
      return noStore(reply).redirect(`/apply/receipt/${submitted.receiptToken}`, 303);
    },
  );

  app.get<{ Params: { token: string } }>('/apply/receipt/:token', { config: statusRateLimit }, async (request, reply) => {
    noStore(reply).header('referrer-policy', 'no-referrer');
    let s: ReceiptView;
    try {
      s = await openReceiptView(ctx, request.params.token);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      return receiptMissingPage(reply);
    }
    return receiptPage(reply, s);
  });

  const receiptTrail = [
    ['首页', '/'],
    ['政府信息公开', '/agencies'],
    [applyTitle, '/apply'],
    ['申请已提交', null],
  ] as const;

  const receiptMissingPage = async (reply: FastifyReply) =>
    sendPage(
      reply,
      <Layout title="找不到这张回执" site={await siteInfo(ctx.db)} meta={{ ColumnName: '依申请公开', robots: 'noindex' }}>
        <Breadcrumbs trail={receiptTrail} />
        <h1>找不到这张回执</h1>
        <p>{receiptViewNotFound}</p>
        <p class="apply-links">
          <a href="/apply/status">申请查询</a> <a href="/apply">网上申请</a>
        </p>
      </Layout>,
      404,
    );

  const receiptPage = async (reply: FastifyReply, s: ReceiptView) => {
    const site = await siteInfo(ctx.db);
    return sendPage(
      reply,
      <Layout title="申请已提交" site={site} meta={{ ColumnName: '依申请公开', robots: 'noindex' }}>
        <Breadcrumbs trail={receiptTrail} />
        <h1>申请已提交</h1>
        <div class="receipt-codes" role="status">
          <p>
            您向<strong>{s.agency.name}</strong>提交的政府信息公开申请已收到。
            {s.queryCode !== null ? '请立即记下（或打印本页）下面的申请编号和查询码：' : ''}
          </p>
          <dl>
            <div>
              <dt>申请编号</dt>
              <dd>
                <code class="secret">{s.receiptNo}</code>
              </dd>
            </div>
            {s.queryCode !== null ? (
              <div>
                <dt>查询码</dt>
                <dd>
                  <code class="secret">{s.queryCode}</code>
                </dd>
              </div>
            ) : (
              ''
            )}
          </dl>
          {s.queryCode !== null ? (
            <p class="warning">
              查询码只在本页显示这一次，刷新或者再次打开本页都不再显示；本平台只保存它的加密摘要，无法找回。凭申请编号和查询码可以查询办理进度、查看和下载受理机关发给您的文书。
            </p>
          ) : (
            <p class="warning">
              查询码已在第一次打开本页时显示过，只显示这一次，不再显示；本平台只保存它的加密摘要，无法找回。请凭当时记下的申请编号和查询码查询办理进度。
            </p>
          )}
        </div>
        <h2>接下来</h2>
        <ol class="next-steps">
          <li>
            {s.agency.name}会与您确认收到申请（可能通过电话或者电子邮件与您联系）。网上提交的申请，以双方确认之日为收到申请之日（{receiptChannels.online.label}
            ：{receiptChannels.online.receiptDay}，《条例》第三十一条）。
          </li>
          <li>
            申请内容不明确的，受理机关会自收到申请之日起{timeLimits.correctionNotice.workingDays}
            个工作日内一次性告知您需要补正的事项；答复期限自收到补正后的申请之日起计算（《条例》第三十条）。
          </li>
          <li>
            受理机关自收到申请之日起{timeLimits.reply.workingDays}个工作日内答复；需要延长答复期限的，会告知您，延长的期限最长不超过
            {timeLimits.extension.workingDays}个工作日（《条例》第三十三条）。
          </li>
          <li>
            随时可以在<a href="/apply/status">申请查询</a>页面输入申请编号和查询码，查看办理进度和登记回执、答复书等文书。
          </li>
        </ol>
      </Layout>,
    );
  };

  const statusPage = async (
    reply: FastifyReply,
    body: { form: StatusFormState } | { result: Awaited<ReturnType<typeof applicationStatus>>; queryCode: string },
    status = 200,
  ) => {
    const site = await siteInfo(ctx.db);
    const csrf = reply.generateCsrf();
    return sendPage(
      noStore(reply),
      <Layout title={statusTitle} site={site} meta={{ ColumnName: '依申请公开', robots: 'noindex' }} stylesheets={['/assets/letter.css']}>
        <Breadcrumbs
          trail={[
            ['首页', '/'],
            ['政府信息公开', '/agencies'],
            [statusTitle, null],
          ]}
        />
        <h1>{statusTitle}</h1>
        {'form' in body ? (
          <>
            <p class="lead">
              输入提交申请时取得的申请编号和查询码，查看办理进度和受理机关发给您的文书。还没有申请的，可以<a href="/apply">网上申请</a>。
            </p>
            <StatusForm csrf={csrf} state={body.form} />
          </>
        ) : (
          <>
            <StatusResult status={body.result} csrf={csrf} queryCode={body.queryCode} />
            <p>
              <a href="/apply/status">查询其他申请</a>
            </p>
          </>
        )}
      </Layout>,
      status,
    );
  };

  app.get('/apply/status', async (_request, reply) => statusPage(reply, { form: { receiptNo: '', errors: [] } }));

  const pairOf = (request: FastifyRequest) => {
    const b = (request.body ?? {}) as Record<string, unknown>;
    return { receiptNo: firstString(b.receiptNo).trim(), queryCode: firstString(b.queryCode) };
  };

  app.post('/apply/status', { config: statusRateLimit, preHandler: app.csrfProtection }, async (request, reply) => {
    const { receiptNo, queryCode } = pairOf(request);
    try {
      const result = await applicationStatus(ctx, receiptNo, queryCode);
      return statusPage(reply, { result, queryCode: queryCode.trim().toUpperCase() });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return statusPage(reply, { form: { receiptNo, errors: e.errors } }, 400);
    }
  });

  app.post('/apply/status/letter', { config: statusRateLimit, preHandler: app.csrfProtection }, async (request, reply) => {
    const { receiptNo, queryCode } = pairOf(request);
    const letterId = positiveInt(firstString(((request.body ?? {}) as Record<string, unknown>).letter));
    let result: Awaited<ReturnType<typeof applicationStatus>>;
    try {
      result = await applicationStatus(ctx, receiptNo, queryCode);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return statusPage(reply, { form: { receiptNo, errors: e.errors } }, 400);
    }
    const letter = result.kind === 'case' ? result.letters.find((l) => l.id === letterId) : undefined;
    if (!letter) throw new NotFoundError('找不到这份文书');
    const filename = `${letter.content.title}（${letter.number}）.docx`.replace(/[\\/:*?"<>|]/g, '_');
    return noStore(reply)
      .type(docxMime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .send(Buffer.from(await renderLetterDocx(letter.content)));
  });
}
