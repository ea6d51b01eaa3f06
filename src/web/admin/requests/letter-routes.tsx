/** A case's letters (HTML and DOCX) and its identity files, for those who may see the case. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { caseDetail } from '../../../app/requests/read.ts';
import { NotFoundError } from '../../../domain/shared/result.ts';
import { attachmentMime } from '../../../law/screening.ts';
import { LetterView } from '../../../render/letters/html.tsx';
import { renderLetterDocx } from '../../../render/letters/docx.ts';
import { listAgencies } from '../../../store/agencies.repo.ts';
import { getApplicationFile } from '../../../store/requests.repo.ts';
import { siteInfo } from '../../site.ts';
import { Breadcrumbs, positiveInt } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf } from '../access.ts';
import { viewerOf } from '../viewer.ts';

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function letterRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;
  /** A letter of a case the actor may see, as issued. */
  const letterOf = async (request: FastifyRequest, rawId: string, rawLetter: string) => {
    const id = positiveInt(rawId) ?? 0;
    const d = await caseDetail(ctx, actorOf(request), id);
    // The letter as this reader may see it: masked for a supervisor (caseDetail).
    const letter = d.letters.find((l) => l.id === positiveInt(rawLetter));
    if (!letter) throw new NotFoundError('找不到这份文书');
    return { d, letter, content: letter.content };
  };

  app.get<{ Params: { id: string; letter: string } }>('/admin/requests/:id/letters/:letter', async (request, reply) => {
    const docx = request.params.letter.endsWith('.docx');
    const { d, letter, content } = await letterOf(request, request.params.id, request.params.letter.replace(/\.docx$/, ''));
    if (docx) {
      const bytes = await renderLetterDocx(content);
      return reply
        .type(docxMime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${content.title}（${letter.number}）.docx`)}`)
        .send(Buffer.from(bytes));
    }
    const tree = await listAgencies(ctx.db);
    return sendPage(
      reply,
      <Layout title={content.title} site={await siteInfo(ctx.db)} area="admin" viewer={viewerOf(request, reply, tree)}>
        <link rel="stylesheet" href="/assets/letter.css" />
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['依申请公开', `/admin/requests?agency=${d.agency.id}`],
            [d.row.receipt_no, `/admin/requests/${d.row.id}`],
            [content.title, null],
          ]}
        />
        <p>
          <a href={`/admin/requests/${d.row.id}/letters/${letter.id}.docx`}>下载Word文档</a>
        </p>
        <LetterView letter={content} />
      </Layout>,
    );
  });

  app.get<{ Params: { id: string; file: string } }>('/admin/requests/:id/files/:file', async (request, reply) => {
    const actor = actorOf(request);
    const id = positiveInt(request.params.id) ?? 0;
    const d = await caseDetail(ctx, actor, id);
    const file = await getApplicationFile(ctx.db, positiveInt(request.params.file) ?? 0);
    // Identity documents are personal data: the agency's own staff only.
    if (!file || file.application_id !== id || !d.ownStaff) throw new NotFoundError('找不到这个文件');
    return reply
      .type(attachmentMime(file.type))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.content));
  });
}
