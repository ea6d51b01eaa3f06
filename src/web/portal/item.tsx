/**
 * A published item's page: the metadata block, the text, the current version's
 * attachments, the view count, a QR code of the page, the corrections; a withdrawn
 * item keeps its metadata and says when and why it was withdrawn.
 *
 * Pages are kept as rendered (page-cache.ts) until the item, its agency or the site change
 * (src/app/catalog/portal-changes.ts); each view is counted in memory and its count put
 * into the kept page, so a page read again costs no database query. A kept page is usually
 * served before it gets here (front.ts); this route renders it, and answers what front.ts leaves.
 */
import { attachmentMime } from '../../law/screening.ts';
import { countView, currentViews } from '../../app/catalog/views.ts';
import { changeMark, noticeOtherWriters } from '../../app/catalog/portal-changes.ts';
import { maskedChangeNotes, maskedFilenames } from '../../app/catalog/published-names.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { raw } from 'hono/html';
import QRCode from 'qrcode';
import type { AppContext } from '../../app/context.ts';
import { portalDateTime } from '../../domain/shared/dates.ts';
import { NotFoundError } from '../../domain/shared/result.ts';
import { categoryLabel, documentKinds, isDocumentKind, isValidityState, validityStates } from '../../law/catalogue-categories.ts';
import { getPublicItem, publicAttachmentContent, publicAttachments, publicVersions, validityHistory } from '../../store/catalogue.repo.ts';
import { siteInfo, siteOrigin } from '../site.ts';
import { Breadcrumbs, MetadataBlock, positiveInt } from '../views/components.tsx';
import { Layout } from '../views/layout.tsx';
import { renderPage, sendHtml } from '../views/page.ts';
import { isFresh, pageCache, pageKey, type CachedPage } from './page-cache.ts';
import { agencyFeed } from './parts.tsx';

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The page's address as an inline SVG QR code, named for screen readers. */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return svg.trim().replace(/^<svg /, `<svg class="qr-code" role="img" aria-label="${attr(`本页二维码：${url}`)}" `);
}

/** 有效性 of a 规章 or 规范性文件: the latest recorded change, 有效 without one. */
function validityLabel(history: readonly { state: string; effective_date: string }[]): string {
  const last = history.at(-1);
  if (!last || !isValidityState(last.state)) return validityStates.inForce.label;
  return last.state === 'inForce' ? validityStates.inForce.label : `${validityStates[last.state].label}（${last.effective_date}起）`;
}

/** Stands for the view count while a page is rendered; the count goes where it stood. */
const viewsSlot = '{{gongkai:views}}';
const viewsAt = `浏览次数：${viewsSlot}</span>`;

/** Renders the page of item `id` (published or withdrawn; else 404), its view count left as a slot. */
async function renderItem(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, id: number): Promise<Pick<CachedPage, 'head' | 'tail'>> {
  const item = await getPublicItem(ctx.db, id);
  if (!item) throw new NotFoundError('找不到这条政府信息，可能尚未公开。');
  const live = item.status === 'published';
  const [site, stored, validity] = await Promise.all([
    siteInfo(ctx.db),
    publicVersions(ctx.db, item.id),
    item.document_kind ? validityHistory(ctx.db, item.id) : [],
  ]);
  const versions = await maskedChangeNotes(ctx.db, stored);
  const current = versions.find((v) => v.state === 'published');
  const attachments = live && current ? await maskedFilenames(ctx.db, current.id, await publicAttachments(ctx.db, current.id)) : [];
  const url = `${siteOrigin(site, request)}/items/${item.id}`;
  const category = categoryLabel(item.category);
  const topic = item.topic?.replace('/', ' / ');
  const pubDate = item.published_at ? portalDateTime(item.published_at) : '';
  const kind = item.document_kind && isDocumentKind(item.document_kind) ? documentKinds[item.document_kind].label : null;
  const description = item.summary || item.body.replace(/\s+/g, ' ').slice(0, 120) || item.title;
  const keywords = [category, item.topic?.split('/')[1], kind, item.agency_short_name].filter((k): k is string => Boolean(k));
  const correction = current && current.version > 1 ? current : undefined;
  const html = renderPage(
    reply,
    <Layout
      title={item.title}
      site={site}
      meta={{
        ColumnName: category,
        ArticleTitle: item.title,
        PubDate: pubDate,
        ContentSource: item.agency_name,
        Keywords: keywords.join(','),
        Description: description,
      }}
      feeds={[agencyFeed({ id: item.agency_id, name: item.agency_name })]}
    >
      <Breadcrumbs
        trail={[
          ['首页', '/'],
          [item.agency_name, `/agencies/${item.agency_id}`],
          [category, `/agencies/${item.agency_id}/items?category=${item.category}`],
          [item.title, null],
        ]}
      />
      <MetadataBlock
        rows={[
          ['索引号', item.index_no ?? ''],
          ['发布机构', item.agency_name],
          ['公开范围', item.scope],
          ['生成日期', item.generated_date],
          ['公开日期', item.published_date ?? ''],
          ['公开方式', item.disclosure_mode],
          ...(topic ? ([['主题分类', topic]] as const) : []),
          ['栏目', category],
          ...(item.doc_no ? ([['文号', item.doc_no]] as const) : []),
          ...(item.written_date ? ([['成文日期', item.written_date]] as const) : []),
          ...(kind ? ([['有效性', validityLabel(validity)]] as const) : []),
        ]}
      />
      {!live ? (
        <div class="notice withdrawn" role="note">
          <h2>本信息已撤回</h2>
          <p>撤回时间：{item.withdrawn_at ? portalDateTime(item.withdrawn_at) : ''}</p>
          <p>撤回理由：{item.withdrawn_reason ?? ''}</p>
        </div>
      ) : correction?.published_at ? (
        <p class="notice" role="note">
          本信息已于{portalDateTime(correction.published_at)}更正。更正说明：{correction.change_note ?? ''}
        </p>
      ) : (
        ''
      )}
      <article>
        <h1>{item.title}</h1>
        <p class="byline">
          来源：{item.agency_name}　{pubDate}
          {live ? <span class="views">　浏览次数：{viewsSlot}</span> : ''}
        </p>
        {live
          ? item.body
              .split('\n')
              .filter((p) => p.trim() !== '')
              .map((p) => <p>{p}</p>)
          : ''}
      </article>
      {attachments.length ? (
        <section aria-labelledby="attachments">
          <h2 id="attachments">附件</h2>
          <ul class="downloads">
            {attachments.map((a) => (
              <li>
                <a href={`/items/${item.id}/attachments/${a.id}`} download={a.filename}>
                  {a.filename}
                </a>
                <span class="file-meta">
                  （{a.type.toUpperCase()}，{fileSize(a.served_size)}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {kind && validity.length ? (
        <section aria-labelledby="validity">
          <h2 id="validity">有效性变更记录（{kind}）</h2>
          <ol>
            {validity.map((v) => (
              <li>
                {v.effective_date}　{isValidityState(v.state) ? validityStates[v.state].label : v.state}　{v.reason}
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
      {versions.length > 1 ? (
        <section aria-labelledby="versions">
          <h2 id="versions">版本记录</h2>
          <ol reversed>
            {versions.map((v) => (
              <li>
                第{v.version}版　{v.published_at ? portalDateTime(v.published_at) : ''}
                {'　'}
                {v.change_note && v.version > 1 ? `更正说明：${v.change_note}` : '首次发布'}
                {v.state === 'published' ? <span class="tag">现行版本</span> : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
      {live ? (
        <figure class="qr">
          {raw(await qrSvg(url))}
          <figcaption>
            用手机扫码阅读本页
            <br />
            <span class="url">{url}</span>
          </figcaption>
        </figure>
      ) : (
        ''
      )}
    </Layout>,
  );
  if (!live) return { head: Buffer.from(html), tail: null };
  // The slot's one place: text from the catalogue cannot hold "</span>" (it is escaped).
  const at = html.indexOf(viewsAt);
  if (at < 0) throw new Error(`item ${id}: the page has no view count`);
  const split = at + viewsAt.indexOf(viewsSlot);
  return { head: Buffer.from(html.slice(0, split)), tail: Buffer.from(html.slice(split + viewsSlot.length)) };
}

export async function itemRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;
  const cache = pageCache(ctx.db);

  app.get<{ Params: { id: string } }>('/items/:id', async (request, reply) => {
    const id = positiveInt(request.params.id);
    if (!id) throw new NotFoundError('找不到这条政府信息，可能尚未公开。');
    const polled = noticeOtherWriters(ctx.db);
    if (polled) await polled;
    // Only the page's own address is kept (not every query string someone adds to it).
    const key = request.url === `/items/${id}` ? pageKey(request.raw, request.cookies) : null;
    let page = key ? cache.get(key) : undefined;
    if (!page || !isFresh(ctx.db, page)) {
      const mark = changeMark(ctx.db);
      page = { ...(await renderItem(ctx, request, reply, id)), mark, itemId: id };
      if (key && isFresh(ctx.db, page)) cache.set(key, page);
    }
    if (!page.tail) return sendHtml(reply, page.head);
    // Counted before the page is sent, so the page shows this view too (HEAD requests are not views).
    const counted = request.method === 'GET' ? countView(ctx, id) : currentViews(ctx, id);
    const views = typeof counted === 'number' ? counted : await counted;
    return sendHtml(reply, Buffer.concat([page.head, Buffer.from(String(views)), page.tail]));
  });

  app.get<{ Params: { id: string; attachmentId: string } }>('/items/:id/attachments/:attachmentId', async (request, reply) => {
    const itemId = positiveInt(request.params.id);
    const attachmentId = positiveInt(request.params.attachmentId);
    const file = itemId && attachmentId ? await publicAttachmentContent(ctx.db, itemId, attachmentId) : undefined;
    if (!file) throw new NotFoundError('找不到这个附件，可能已被更正或撤回。');
    const filename = (await maskedFilenames(ctx.db, file.versionId, [file]))[0]?.filename ?? '';
    return reply
      .type(attachmentMime(file.type))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .send(Buffer.from(file.bytes));
  });
}
