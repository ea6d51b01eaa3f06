/**
 * The item page: metadata block and meta tags, view counts, the QR code, attachments
 * (only of the published version), corrections, 有效性, withdrawn items.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { loadDemo } from '../../src/app/demo/load.ts';
import { writeViews } from '../../src/app/catalog/views.ts';
import { setSetting } from '../../src/store/settings.repo.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { insertAttachment, insertVersion } from '../../src/store/catalogue-versions.repo.ts';
import { insertCatalogueItem, insertValidityChange } from '../../src/store/records.repo.ts';
import type { DB } from '../../src/store/schema.ts';
import { qrSvg } from '../../src/web/portal/item.tsx';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

interface Fixture {
  agencyId: number;
  indexNo: string;
  title: string;
  category?: string;
  topic?: string | null;
  docNo?: string | null;
  documentKind?: string | null;
  writtenDate?: string | null;
  /** Versions in order; the last one with state 'published' is current. */
  versions: {
    state: 'published' | 'superseded' | 'draft';
    at: string;
    note?: string;
    body: string;
    files?: { name: string; bytes: string; redacted?: string }[];
  }[];
  withdrawn?: { at: string; reason: string };
}

const bytes = (s: string) => new TextEncoder().encode(s);

/** Writes an item with its versions and attachments as the workflow would have left them. */
async function addItem(db: Kysely<DB>, staff: { editor: number; reviewer: number; leader: number }, f: Fixture) {
  const published = f.versions.filter((v) => v.state !== 'draft');
  const first = published[0]!;
  const current = published.find((v) => v.state === 'published')!;
  const content = {
    title: f.title,
    summary: '',
    body: current.body,
    category: f.category ?? 'notices',
    topic: f.topic ?? null,
    doc_no: f.docNo ?? null,
    document_kind: f.documentKind ?? null,
    written_date: f.writtenDate ?? null,
    generated_date: first.at.slice(0, 10),
    scope: '面向全社会',
  };
  const itemId = await insertCatalogueItem(db, {
    ...content,
    agency_id: f.agencyId,
    index_no: f.indexNo,
    published_at: first.at,
    published_date: first.at.slice(0, 10),
    disclosure_mode: '主动公开',
    status: f.withdrawn ? 'withdrawn' : 'published',
    withdrawn_at: f.withdrawn?.at ?? null,
    withdrawn_reason: f.withdrawn?.reason ?? null,
    current_version: f.versions.indexOf(current) + 1,
    created_at: first.at,
  });
  const ids: { versionId: number; files: number[] }[] = [];
  for (const [i, v] of f.versions.entries()) {
    const reviewed = v.state !== 'draft';
    const versionId = await insertVersion(db, {
      ...content,
      body: v.body,
      item_id: itemId,
      version: i + 1,
      state: v.state,
      change_note: v.note ?? null,
      author_id: staff.editor,
      review_opinion: reviewed ? '同意公开' : null,
      reviewed_by: reviewed ? staff.reviewer : null,
      reviewed_at: reviewed ? v.at : null,
      approved_by: reviewed ? staff.leader : null,
      approved_at: reviewed ? v.at : null,
      published_at: reviewed ? v.at : null,
      created_at: v.at,
      updated_at: v.at,
    });
    const files: number[] = [];
    for (const file of v.files ?? []) {
      files.push(
        await insertAttachment(db, {
          version_id: versionId,
          filename: file.name,
          type: 'pdf',
          size: bytes(file.bytes).length,
          sha256: '0'.repeat(64),
          content: bytes(file.bytes),
          redacted_content: file.redacted ? bytes(file.redacted) : null,
          text_parts: '[]',
          unreadable: null,
          created_at: v.at,
        }),
      );
    }
    ids.push({ versionId, files });
  }
  return { itemId, versions: ids };
}

const userId = async (db: Kysely<DB>, username: string) =>
  (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

eachDialect(
  'portal item pages',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    let corrected: Awaited<ReturnType<typeof addItem>>;
    let withdrawn: Awaited<ReturnType<typeof addItem>>;
    let normative: Awaited<ReturnType<typeof addItem>>;
    before(async () => {
      const { ctx } = get();
      app = await testApp(ctx);
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      const staff = {
        editor: await userId(ctx.db, 'chaqi-editor'),
        reviewer: await userId(ctx.db, 'chaqi-reviewer'),
        leader: await userId(ctx.db, 'chaqi-leader'),
      };
      corrected = await addItem(ctx.db, staff, {
        agencyId: chaqi,
        indexNo: 'TEST0001/2026-00001',
        title: '插旗镇2026年城乡低保对象名单公示 <测试> & 更正',
        topic: '民政、扶贫、救灾/社会福利',
        docNo: '插政发〔2026〕3号',
        writtenDate: '2026-03-01',
        versions: [
          { state: 'superseded', at: '2026-03-02T02:10:00.000Z', body: '第一版正文。', files: [{ name: '名单（第一版）.pdf', bytes: '%PDF-1 old list' }] },
          {
            state: 'published',
            at: '2026-03-09T07:30:00.000Z',
            note: '更正一户家庭的保障人数',
            body: '更正后的正文。\n第二段。',
            files: [{ name: '名单.pdf', bytes: '%PDF-1 full list 430623198805120311', redacted: '%PDF-1 list ******' }],
          },
          { state: 'draft', at: '2026-03-20T02:00:00.000Z', body: '尚未审查的草稿。', files: [{ name: '草稿附件.pdf', bytes: '%PDF-1 draft' }] },
        ],
      });
      withdrawn = await addItem(ctx.db, staff, {
        agencyId: chaqi,
        indexNo: 'TEST0001/2026-00002',
        title: '插旗镇关于临时交通管制的通告（已撤回）',
        versions: [{ state: 'published', at: '2026-04-01T01:00:00.000Z', body: '撤回前的正文。', files: [{ name: '管制路段.pdf', bytes: '%PDF-1 roads' }] }],
        withdrawn: { at: '2026-04-03T08:15:00.000Z', reason: '管制时间调整，另行公告' },
      });
      normative = await addItem(ctx.db, staff, {
        agencyId: chaqi,
        indexNo: 'TEST0001/2026-00003',
        title: '插旗镇人民政府关于印发《插旗镇村级财务管理办法》的通知',
        category: 'policy',
        docNo: '插政发〔2021〕2号',
        documentKind: 'normativeDocument',
        writtenDate: '2021-02-01',
        versions: [{ state: 'published', at: '2021-02-03T01:00:00.000Z', body: '办法全文。' }],
      });
      await insertValidityChange(ctx.db, {
        itemId: normative.itemId,
        state: 'repealed',
        effectiveDate: '2025-06-30',
        reason: '行政规范性文件清理，决定废止',
        recordedAt: '2025-06-30T01:00:00.000Z',
      });
    });
    after(async () => app.close());

    test('the item page shows the metadata block, the current text and the meta tags of the 政府网站发展指引', async () => {
      const res = await new Client(app).get(`/items/${corrected.itemId}`);
      assert.equal(res.statusCode, 200);
      for (const [k, v] of [
        ['索引号', 'TEST0001/2026-00001'],
        ['发布机构', '华容县插旗镇人民政府'],
        ['公开范围', '面向全社会'],
        ['生成日期', '2026-03-02'],
        ['公开日期', '2026-03-02'],
        ['公开方式', '主动公开'],
        ['主题分类', '民政、扶贫、救灾 / 社会福利'],
        ['栏目', '通知公告'],
        ['文号', '插政发〔2026〕3号'],
        ['成文日期', '2026-03-01'],
      ]) {
        assert.ok(res.body.includes(`<dt>${k}</dt><dd>${v}</dd>`), `${k} ${v}`);
      }
      assert.ok(!res.body.includes('<dt>有效性</dt>'), 'only 规章 and 规范性文件 have 有效性');
      assert.ok(res.body.includes('<h1>插旗镇2026年城乡低保对象名单公示 &lt;测试&gt; &amp; 更正</h1>'));
      const text = textOf(res.body);
      assert.ok(text.includes('更正后的正文。') && text.includes('第二段。'));
      assert.ok(!text.includes('第一版正文') && !text.includes('尚未审查的草稿'));
      for (const tag of [
        '<meta name="SiteName" content="华容县人民政府"/>',
        '<meta name="SiteDomain" content="www.huarong.gov.cn"/>',
        '<meta name="SiteIDCode" content="4306230001"/>',
        '<meta name="ColumnName" content="通知公告"/>',
        '<meta name="ArticleTitle" content="插旗镇2026年城乡低保对象名单公示 &lt;测试&gt; &amp; 更正"/>',
        '<meta name="PubDate" content="2026-03-02 10:10"/>',
        '<meta name="ContentSource" content="华容县插旗镇人民政府"/>',
        '<meta name="Keywords" content="通知公告,社会福利,插旗镇"/>',
        '<meta name="Description" content="更正后的正文。 第二段。"/>',
      ]) {
        assert.ok(res.body.includes(tag), tag);
      }
    });

    test('each view is counted and the page shows the count including itself', async () => {
      const { db } = get().ctx;
      await writeViews(get().ctx);
      const before = (await db.selectFrom('catalogue_items').select('view_count').where('id', '=', corrected.itemId).executeTakeFirstOrThrow()).view_count;
      const first = await new Client(app).get(`/items/${corrected.itemId}`);
      const second = await new Client(app).get(`/items/${corrected.itemId}`);
      assert.ok(textOf(first.body).includes(`浏览次数：${before + 1}`));
      assert.ok(textOf(second.body).includes(`浏览次数：${before + 2}`));
      await app.inject({ method: 'HEAD', url: `/items/${corrected.itemId}` });
      await writeViews(get().ctx); // counted in memory, written every few seconds
      const after = (await db.selectFrom('catalogue_items').select('view_count').where('id', '=', corrected.itemId).executeTakeFirstOrThrow()).view_count;
      assert.equal(Number(after), before + 2, 'HEAD is not a view');
    });

    test("the QR code is an inline SVG of the page's absolute address", async () => {
      const res = await new Client(app).get(`/items/${corrected.itemId}`);
      const url = `https://www.huarong.gov.cn/items/${corrected.itemId}`;
      const svg = /<svg class="qr-code"[\s\S]*?<\/svg>/.exec(res.body)?.[0];
      assert.ok(svg);
      assert.ok(svg.includes(`aria-label="本页二维码：${url}"`));
      assert.equal(svg, await qrSvg(url));
      // The same modules as the qrcode package draws for that address, and only that one.
      const path = (s: string) => /<path stroke[^>]*d="([^"]+)"/.exec(s)?.[1];
      assert.equal(path(svg), path(await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })));
      assert.notEqual(path(svg), path(await QRCode.toString(`${url}0`, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })));
    });

    test('attachments of the published version are listed and served (the redacted copy); others never', async () => {
      const client = new Client(app);
      const page = await client.get(`/items/${corrected.itemId}`);
      const [current] = corrected.versions[1]!.files;
      const [old] = corrected.versions[0]!.files;
      const [draft] = corrected.versions[2]!.files;
      assert.ok(page.body.includes(`href="/items/${corrected.itemId}/attachments/${current}"`));
      assert.ok(textOf(page.body).includes('名单.pdf （PDF，18 字节）'), 'type and size of the served copy');
      assert.ok(!page.body.includes(`/attachments/${old}"`) && !page.body.includes(`/attachments/${draft}"`));
      const file = await client.get(`/items/${corrected.itemId}/attachments/${current}`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.equal(file.body, '%PDF-1 list ******');
      assert.match(String(file.headers['content-disposition']), /^attachment; filename\*=UTF-8''%E5%90%8D%E5%8D%95\.pdf$/);
      for (const url of [
        `/items/${corrected.itemId}/attachments/${old}`,
        `/items/${corrected.itemId}/attachments/${draft}`,
        `/items/${withdrawn.itemId}/attachments/${withdrawn.versions[0]!.files[0]}`,
        `/items/${withdrawn.itemId}/attachments/${current}`,
        `/items/${corrected.itemId}/attachments/abc`,
      ]) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.ok(!res.body.includes('%PDF'), url);
      }
    });

    test('the version history gives each correction with its date and reason', async () => {
      const res = await new Client(app).get(`/items/${corrected.itemId}`);
      const text = textOf(res.body);
      assert.ok(text.includes('本信息已于2026-03-09 15:30更正。更正说明：更正一户家庭的保障人数'));
      assert.ok(text.includes('版本记录'));
      assert.ok(text.includes('第2版 2026-03-09 15:30 更正说明：更正一户家庭的保障人数'));
      assert.ok(text.includes('第1版 2026-03-02 10:10 首次发布'));
      assert.ok(!text.includes('第3版'), 'a draft is not a version readers saw');
    });

    test('a withdrawn item keeps its metadata and says when and why, without text, attachments or count', async () => {
      const { db } = get().ctx;
      const res = await new Client(app).get(`/items/${withdrawn.itemId}`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes('<dt>索引号</dt><dd>TEST0001/2026-00002</dd>'));
      const text = textOf(res.body);
      assert.ok(text.includes('本信息已撤回'));
      assert.ok(text.includes('撤回时间：2026-04-03 16:15'));
      assert.ok(text.includes('撤回理由：管制时间调整，另行公告'));
      assert.ok(!text.includes('撤回前的正文') && !text.includes('管制路段.pdf') && !text.includes('浏览次数'));
      const row = await db.selectFrom('catalogue_items').select('view_count').where('id', '=', withdrawn.itemId).executeTakeFirstOrThrow();
      assert.equal(Number(row.view_count), 0);
    });

    test('a 规范性文件 shows its 有效性 and the changes with their reasons', async () => {
      const res = await new Client(app).get(`/items/${normative.itemId}`);
      assert.ok(res.body.includes('<dt>有效性</dt><dd>废止（2025-06-30起）</dd>'));
      const text = textOf(res.body);
      assert.ok(text.includes('有效性变更记录（行政规范性文件）'));
      assert.ok(text.includes('2025-06-30 废止 行政规范性文件清理，决定废止'));
    });

    test('drafts and missing items are 404', async () => {
      const { db } = get().ctx;
      const draft = await insertCatalogueItem(db, {
        agency_id: chaqi,
        title: '未公开的草稿',
        summary: '',
        body: '草稿',
        category: 'notices',
        generated_date: '2026-05-01',
        disclosure_mode: '主动公开',
        scope: '面向全社会',
        status: 'draft',
        created_at: '2026-05-01T00:00:00.000Z',
      });
      for (const url of [`/items/${draft}`, '/items/0', '/items/999999', '/items/x']) {
        const res = await new Client(app).get(url);
        assert.equal(res.statusCode, 404, url);
        assert.ok(!res.body.includes('未公开的草稿'));
      }
    });
  },
  async (t) => {
    await loadDemo(t.ctx);
    // A production portal has its public address configured: QR codes, feeds and sitemaps use it.
    await setSetting(t.ctx.db, 'site.origin', 'https://www.huarong.gov.cn');
  },
);
