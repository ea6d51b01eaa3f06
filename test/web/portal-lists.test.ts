/** The portal's home, lists (filters and paging), an agency's column, its 指南, and the 关怀版 switch. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { setSetting } from '../../src/store/settings.repo.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { insertAgency } from '../../src/store/agencies.repo.ts';
import { insertCatalogueItem } from '../../src/store/records.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

const rowsOf = (html: string) => [...html.matchAll(/<td data-label="名称"><a href="\/items\/(\d+)">/g)].map((m) => Number(m[1]));
const countOf = (html: string) => Number(/共(\d+)条/.exec(textOf(html))?.[1]);

eachDialect(
  'portal lists, columns and 指南',
  (get) => {
    let app: FastifyInstance;
    let town: number;
    let chaqi: number;
    let county: number;
    before(async () => {
      const { ctx } = get();
      app = await testApp(ctx);
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      county = (await resolveAgency(ctx, '县政府')).id;
      town = await insertAgency(ctx.db, {
        parentId: county,
        name: '华容县测试镇人民政府',
        shortName: '测试镇',
        kind: 'town',
        code: '11430623TESTTOWN01',
        mayMakeRules: false,
        recordsFrom: 2022,
        sortOrder: 99,
        createdAt: '2024-01-01T00:00:00.000Z',
      });
      // 12 notices on 应急管理 in 2025, 8 policies on 财政 in 2024, 5 notices without a topic in 2024, 1 rule.
      const plan = [
        ...Array.from({ length: 12 }, (_, i) => ({ category: 'notices', topic: '综合政务/应急管理', date: `2025-03-${String(i + 1).padStart(2, '0')}` })),
        ...Array.from({ length: 8 }, (_, i) => ({ category: 'policy', topic: '财政、金融、审计/财政', date: `2024-05-${String(i + 1).padStart(2, '0')}` })),
        ...Array.from({ length: 5 }, (_, i) => ({ category: 'notices', topic: null, date: `2024-09-${String(i + 1).padStart(2, '0')}` })),
        { category: 'rules', topic: null, date: '2024-01-15' },
      ];
      for (const [i, p] of plan.entries()) {
        const at = `${p.date}T02:00:00.000Z`;
        await insertCatalogueItem(ctx.db, {
          agency_id: town,
          index_no: `TESTTOWN/${p.date.slice(0, 4)}-${String(i + 1).padStart(5, '0')}`,
          title: p.category === 'rules' ? '测试镇政府信息公开保密审查制度' : `测试镇信息${i + 1}号`,
          summary: '',
          body: '正文',
          category: p.category,
          topic: p.topic,
          generated_date: p.date,
          published_at: at,
          published_date: p.date,
          disclosure_mode: '主动公开',
          scope: '面向全社会',
          status: 'published',
          created_at: at,
        });
      }
    });
    after(async () => app.close());

    test("an agency's list is paged, 20 a page, newest first", async () => {
      const c = new Client(app);
      const first = await c.get(`/agencies/${town}/items`);
      assert.equal(first.statusCode, 200);
      assert.equal(countOf(first.body), 26);
      assert.equal(rowsOf(first.body).length, 20);
      assert.ok(first.body.includes(`href="/agencies/${town}/items?page=2"`));
      const second = await c.get(`/agencies/${town}/items?page=2`);
      assert.equal(rowsOf(second.body).length, 6);
      assert.deepEqual(new Set([...rowsOf(first.body), ...rowsOf(second.body)]).size, 26);
      assert.ok(textOf(first.body).indexOf('测试镇信息12号') < textOf(first.body).indexOf('测试镇信息1号 '), 'newest first');
      assert.ok(textOf((await c.get(`/agencies/${town}/items?page=9`)).body).includes('没有这一页'));
    });

    test('filters by column, 主题分类 and year combine, and stay in the paging links', async () => {
      const c = new Client(app);
      const count = async (q: string) => countOf((await c.get(`/agencies/${town}/items?${q}`)).body);
      assert.equal(await count('category=notices'), 17);
      assert.equal(await count('category=statutory'), 25);
      assert.equal(await count('category=rules'), 1);
      assert.equal(await count(`topic=${encodeURIComponent('综合政务')}`), 12);
      assert.equal(await count('year=2024'), 14);
      assert.equal(await count('year=2024&category=notices'), 5);
      assert.equal(await count(`year=2024&topic=${encodeURIComponent('综合政务')}`), 0);
      assert.equal(await count(`category=bogus&topic=${encodeURIComponent('没有这个主题')}&year=20x4`), 26, 'values that make no sense are left out');
      const none = await c.get(`/agencies/${town}/items?year=2024&topic=${encodeURIComponent('综合政务')}`);
      assert.ok(textOf(none.body).includes('没有符合条件的信息'));
      const page = await c.get(`/items?agency=${town}&category=statutory`);
      assert.ok(page.body.includes(`href="/items?agency=${town}&amp;category=statutory&amp;page=2"`));
      assert.ok(page.body.includes(`<option value="${town}" selected="">华容县测试镇人民政府</option>`));
      assert.ok(page.body.includes('<option value="statutory" selected="">'));
    });

    test('the county-wide list filters by agency and shows the publisher', async () => {
      const c = new Client(app);
      const all = countOf((await c.get('/items')).body);
      assert.ok(all > 26);
      const res = await c.get(`/items?agency=${town}&topic=${encodeURIComponent('财政、金融、审计')}`);
      assert.equal(countOf(res.body), 8);
      assert.ok(res.body.includes('<th scope="col">发布机构</th>') && res.body.includes('<td data-label="发布机构">测试镇</td>'));
      assert.ok(res.body.includes('<form method="get" action="/items" class="filters"'));
      for (const name of ['agency', 'category', 'topic', 'year']) assert.ok(res.body.includes(`name="${name}"`), name);
      assert.ok(res.body.includes('<option value="2025">2025年</option>'));
      assert.equal(countOf((await c.get('/items?agency=999999')).body), all);
    });

    test('the home page has the search box, the latest items, the directory and the latest reports', async () => {
      const res = await new Client(app).get('/');
      assert.ok(res.body.includes('<form method="get" action="/search" role="search"'));
      assert.ok(res.body.includes('name="q"'));
      assert.ok(textOf(res.body).includes('最新公开信息'));
      assert.ok(/<a href="\/items\/\d+">/.test(res.body));
      assert.ok(res.body.includes(`<a href="/agencies/${town}">华容县测试镇人民政府</a>`));
      assert.ok(res.body.includes('<link rel="alternate" type="application/atom+xml"'));
      assert.ok(textOf(res.body).includes('华容县插旗镇人民政府2024年政府信息公开工作年度报告'));
    });

    test("an agency's column: 指南, 制度, 法定主动公开内容 with counts, 年报, and how to apply from its contacts", async () => {
      const res = await new Client(app).get(`/agencies/${town}`);
      const text = textOf(res.body);
      assert.ok(res.body.includes(`href="/agencies/${town}/guide"`));
      assert.ok(text.includes('政府信息公开制度') && text.includes('测试镇政府信息公开保密审查制度'));
      assert.ok(res.body.includes(`<a href="/agencies/${town}/items?category=notices">通知公告</a><span class="count">（17条）</span>`));
      assert.ok(res.body.includes(`<a href="/agencies/${town}/items?category=policy">政策文件</a><span class="count">（8条）</span>`));
      assert.ok(text.includes('政府信息公开年报'));
      assert.ok(text.includes('本单位尚未登记受理申请的地址'), 'a new agency without contacts says so');
      const chaqiPage = textOf((await new Client(app).get(`/agencies/${chaqi}`)).body);
      for (const s of [
        '依申请公开',
        '当面提交',
        '插旗镇人民政府党政综合办公室',
        '湖南省岳阳市华容县插旗镇插旗村插旗大道88号',
        '邮政编码414211',
        '0730-4681003',
        'hrcqz@huarong.gov.cn',
        '咨询电话：0730-4681002',
        '行政机关签收之日',
        '20个工作日',
      ]) {
        assert.ok(chaqiPage.includes(s), s);
      }
      assert.ok(
        res.body.includes(`<link rel="alternate" type="application/atom+xml" title="华容县测试镇人民政府政府信息公开" href="/agencies/${town}/feed.atom"/>`),
      );
    });

    test('the 指南 has the contents of 条例 第十二条, from the agency’s data', async () => {
      const res = await new Client(app).get(`/agencies/${chaqi}/guide`);
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      assert.ok(text.includes('华容县插旗镇人民政府政府信息公开指南'));
      for (const s of [
        '一、政府信息的分类',
        '通知公告（已公开',
        '（六）实施行政处罚、行政强制的依据、条件、程序',
        '农村土地承包经营权流转',
        '二、政府信息的编排体系',
        '006382564L/2026-00001',
        '三、政府信息的获取方式',
        'https://www.huarong.gov.cn/agencies/',
        '20个工作日内予以公开（《条例》第二十六条）',
        '7个工作日内一次性告知',
        '15个工作日内提出意见（《条例》第三十二条）',
        '延长答复期限最长不超过20个工作日（《条例》第三十三条）',
        '四、政府信息公开工作机构',
        '名称 插旗镇人民政府党政综合办公室',
        '办公地址 湖南省岳阳市华容县插旗镇插旗村插旗大道88号',
        '办公时间 工作日上午8:00—12:00',
        '联系电话 0730-4681002',
        '传真 0730-4681003',
        '电子邮箱 hrcqz@huarong.gov.cn',
        '邮政编码 414211',
        '五、监督和救济',
        '向华容县人民政府申请行政复议',
        '行政诉讼：自知道或者应当知道作出行政行为之日起六个月内',
      ]) {
        assert.ok(text.includes(s), s);
      }
      const countyGuide = textOf((await new Client(app).get(`/agencies/${county}/guide`)).body);
      assert.ok(countyGuide.includes('向上一级人民政府申请行政复议'));
      assert.ok(!countyGuide.includes('农村土地承包经营权流转'), '第二十一条 is for towns');
      assert.ok(textOf((await new Client(app).get(`/agencies/${town}/guide`)).body).includes('办公地址 （未登记）'));
      assert.equal((await new Client(app).get('/agencies/999999/guide')).statusCode, 404);
    });

    test('the 指南’s 监督和救济: 复议前置 for 不予公开 and for no answer in time, both routes for the rest; before 2024 both routes for all', async () => {
      const blocks = (html: string) => {
        const section = /<section aria-labelledby="g-redress">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
        return [...section.matchAll(/<(h2|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => textOf(m[2]!).trim());
      };
      const supervisor = '华容县人民政府办公室（本县政府信息公开工作主管部门）';
      const complaint = `公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向华容县人民政府或者${supervisor}投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。`;
      // 第四十七条 online, and 第四十一条 更正: the same whatever the date.
      const channels = [
        '认为行政机关未按照要求主动公开政府信息、或者对政府信息公开申请不依法答复处理的，可以在本平台 在线投诉、举报 （《条例》第四十七条）；投诉请留下姓名和联系电话，举报可以匿名。',
        '有证据证明本机关提供的与其自身相关的政府信息记录不准确的，可以要求本机关更正（《条例》第四十一条）；不属于本机关职能范围的，本机关转送有权更正的行政机关处理并告知申请人，或者告知申请人向有权更正的行政机关提出。',
      ];
      const now = blocks((await new Client(app).get(`/agencies/${chaqi}/guide`)).body);
      assert.deepEqual(now, [
        '五、监督和救济',
        complaint,
        ...channels,
        '不予公开的决定（包括部分公开中不予公开的部分），以及本机关未在法定期限内答复的，实行复议前置：',
        '应当先向华容县人民政府申请行政复议（《中华人民共和国行政复议法》第二十三条第一款第（三）项、第（四）项），申请期限为自知道或者应当知道该行政行为之日起六十日内（同法第二十条），不能直接向人民法院提起行政诉讼。',
        '对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向人民法院提起行政诉讼；行政复议机关不予受理、驳回申请或者逾期不作决定的，可以自收到决定书之日或者行政复议期限届满之日起十五日内向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条，《中华人民共和国行政复议法》第三十四条）。',
        '对其他政府信息公开决定不服的，可以选择申请行政复议或者直接提起行政诉讼：',
        '行政复议：自知道或者应当知道该行政行为之日起六十日内，向华容县人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）。',
        '行政诉讼：自知道或者应当知道作出行政行为之日起六个月内，向有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。',
      ]);
      const countyNow = blocks((await new Client(app).get(`/agencies/${county}/guide`)).body);
      assert.ok(
        countyNow.includes(
          '应当先向上一级人民政府申请行政复议（《中华人民共和国行政复议法》第二十三条第一款第（三）项、第（四）项），申请期限为自知道或者应当知道该行政行为之日起六十日内（同法第二十条），不能直接向人民法院提起行政诉讼。',
        ),
      );

      const old = await testApp({ ...get().ctx, now: () => new Date('2023-06-01T02:00:00.000Z') });
      try {
        assert.deepEqual(blocks((await new Client(old).get(`/agencies/${chaqi}/guide`)).body), [
          '五、监督和救济',
          complaint,
          ...channels,
          '行政复议：自知道或者应当知道该行政行为之日起六十日内，向华容县人民政府申请行政复议（《中华人民共和国行政复议法》第九条）。',
          '行政诉讼：自知道或者应当知道作出行政行为之日起六个月内，向有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。',
        ]);
      } finally {
        await old.close();
      }
    });

    test('the 关怀版 switch sets a cookie, returns to the page, and pages vary on the cookie', async () => {
      const c = new Client(app);
      const plain = await c.get(`/agencies/${chaqi}/guide`);
      assert.match(String(plain.headers.vary), /Cookie/i);
      assert.ok(plain.body.includes('<body class="portal">'));
      assert.ok(plain.body.includes(`<a href="/care?on=1&amp;back=%2Fagencies%2F${chaqi}%2Fguide" class="care-switch">关怀版</a>`));
      const on = await c.get(`/care?on=1&back=${encodeURIComponent(`/agencies/${chaqi}/guide`)}`);
      assert.equal(on.statusCode, 303);
      assert.equal(on.headers.location, `/agencies/${chaqi}/guide`);
      assert.match(String(on.headers['set-cookie']), /^gk_care=1; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/);
      const care = await c.get(`/agencies/${chaqi}/guide`);
      assert.ok(care.body.includes('<html lang="zh-CN" class="care">'));
      assert.ok(care.body.includes('<body class="portal care">'));
      assert.ok(care.body.includes('class="care-switch">标准版</a>'));
      assert.ok((await c.get('/items')).body.includes('<body class="portal care">'), 'every page');
      const off = await c.get('/care?on=0&back=/items');
      assert.equal(off.headers.location, '/items');
      assert.ok((await c.get('/items')).body.includes('<body class="portal">'));
      const chinese = await c.get(`/care?on=1&back=${encodeURIComponent('/search?q=政府信息Ā')}`);
      assert.equal(chinese.statusCode, 303, 'a character above U+00FF is not a server error');
      assert.equal(chinese.headers.location, '/search?q=%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%C4%80');
      for (const back of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '']) {
        const res = await c.get(`/care?on=1&back=${encodeURIComponent(back)}`);
        assert.equal(res.headers.location, '/', back);
      }
    });
  },
  async (t) => {
    await loadDemo(t.ctx);
    // A production portal has its public address configured: QR codes, feeds and sitemaps use it.
    await setSetting(t.ctx.db, 'site.origin', 'https://www.huarong.gov.cn');
  },
);
