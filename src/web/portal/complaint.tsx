/**
 * 投诉、举报 to the county's 政府信息公开工作主管部门 (条例 第四十七条): GET/POST /complaints.
 * An anonymous form with a CSRF token, rate-limited per client address as the other public
 * forms, never cached (the answer page carries the receipt number). The 指南 links here.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { fileComplaint, type Filed } from '../../app/complaints/complaints.ts';
import { InputError, type FieldError } from '../../domain/shared/result.ts';
import { chineseDate } from '../../domain/shared/dates.ts';
import { complaintKinds } from '../../law/complaints.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, firstString, positiveInt } from '../views/components.tsx';
import { ComplaintFields, complaintValuesOf, type ComplaintValues } from '../views/complaint-fields.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { applyRateLimit } from './apply.tsx';

const title = '政府信息公开投诉、举报';
const trail = [
  ['首页', '/'],
  ['政府信息公开', '/agencies'],
] as const;

export async function complaintRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  const formPage = async (reply: FastifyReply, values: ComplaintValues, errors: readonly FieldError[], status = 200) => {
    const [site, agencies] = await Promise.all([siteInfo(ctx.db), listAgencies(ctx.db)]);
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <Layout title={title} site={site} meta={{ ColumnName: '政府信息公开' }}>
        <Breadcrumbs trail={[...trail, [title, null]]} />
        <h1>{title}</h1>
        <p class="lead">
          公民、法人或者其他组织认为行政机关未按照要求主动公开政府信息，或者对政府信息公开申请不依法答复处理的，可以向政府信息公开工作主管部门投诉、举报（《中华人民共和国政府信息公开条例》第四十七条、第五十一条）。本县的政府信息公开工作主管部门收到后调查处理，并答复投诉人。
        </p>
        <p>对政府信息公开决定不服、要求撤销或者变更的，请依法申请行政复议或者提起行政诉讼，见各机关政府信息公开指南的“监督和救济”。</p>
        <ErrorSummary errors={errors} />
        <form method="post" action="/complaints" class="form" novalidate>
          <input type="hidden" name="_csrf" value={reply.generateCsrf()} />
          <ComplaintFields agencies={agencies} values={values} errors={errors} />
          <p class="help">您填写的姓名、电话和电子邮箱只用于调查处理和答复，不在门户网站公开。</p>
          <button type="submit">提交</button>
        </form>
      </Layout>,
      status,
    );
  };

  app.get<{ Querystring: { agency?: string } }>('/complaints', async (request, reply) => {
    const agency = positiveInt(firstString(request.query.agency));
    return formPage(reply, agency ? { agency: String(agency) } : {}, []);
  });

  app.post('/complaints', { config: applyRateLimit, preHandler: app.csrfProtection }, async (request, reply) => {
    const values = complaintValuesOf(request.body);
    let filed: Filed;
    try {
      filed = await fileComplaint(ctx, values);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return formPage(reply, values, e.errors, 400);
    }
    const kind = complaintKinds[filed.kind].label;
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <Layout title={`${kind}已提交`} site={await siteInfo(ctx.db)} meta={{ ColumnName: '政府信息公开', robots: 'noindex' }}>
        <Breadcrumbs trail={[...trail, [title, '/complaints'], [`${kind}已提交`, null]]} />
        <h1>{kind}已提交</h1>
        <div class="receipt-codes" role="status">
          <p>
            您的{kind}已转交{filed.countyName}政府信息公开工作主管部门，编号为<code>{filed.receiptNo}</code>，请记下。
          </p>
          <p>
            主管部门将调查处理，{filed.kind === 'complaint' ? '并于' : '留下联系方式的，将于'}
            {chineseDate(filed.due)}前将处理结果告知您。
          </p>
        </div>
        <p>
          <a href="/agencies">返回政府信息公开</a>
        </p>
      </Layout>,
    );
  });
}
