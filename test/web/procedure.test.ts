/**
 * Issue 9 points 3–5 on the staff pages, on both databases: a posted letter's period shows
 * 待送达 until its signed receipt is entered under the letter; the reply form warns after a
 * third party's objection and the 决定公开告知书 goes first; a late 补正 notice needs its reason
 * and shows as 程序瑕疵 on the case and the county's supervision page, which sets the default 补正期限.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { eachDialect } from '../helpers/db.ts';
import { personApplication } from '../helpers/applications.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

eachDialect(
  'procedure on the staff pages',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    before(async () => {
      app = await testApp(get().ctx);
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
    });
    after(async () => app.close());

    const login = async (who: string) => {
      const c = new Client(app);
      await c.login(who);
      return c;
    };
    const register = async (c: Client, receivedDate: string, items: string) => {
      await c.get(`/admin/requests/new?agency=${chaqi}`);
      const res = await c.multipart(
        `/admin/requests?_csrf=${encodeURIComponent(c.csrf)}`,
        { agency: String(chaqi), ...personApplication({ channel: 'inPerson', receivedDate, purpose: '', items }) },
        [],
        { csrf: false },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      return res.headers.location!.split('?')[0]!;
    };
    const act = async (c: Client, path: string, name: string, form: Record<string, string>) => {
      await c.get(path);
      return c.post(`${path}/acts/${name}`, form);
    };

    test('a posted consultation is 待送达 until its receipt is entered; after an objection the reply waits for the 决定公开告知书', async () => {
      const c = await login('chaqi-editor');
      const path = await register(c, '2026-11-20', '插旗镇道路硬化工程验收资料');
      let r = await act(c, path, 'thirdPartyConsulted', { on: '2026-11-23', party: '湖南某某路桥建设有限公司', deliveryMethod: 'post', deliveredOn: '' });
      assert.equal(r.statusCode, 303, textOf(r.body).slice(0, 500));
      let page = await c.get(path);
      assert.ok(textOf(page.body).includes('第三方提出意见期限 自2026-11-23至待送达'), textOf(page.body).slice(0, 1500));
      assert.ok(textOf(page.body).includes('邮寄；待送达'));
      const delivery = /action="(\/admin\/requests\/\d+\/letters\/\d+\/delivery)"/.exec(page.body)?.[1];
      assert.ok(delivery, 'a form under the posted letter');
      r = await c.post(delivery, { method: 'post', on: '2026-11-20', proof: '' });
      assert.equal(r.statusCode, 400);
      assert.ok(textOf(r.body).includes('送达日期不能早于文书日期2026-11-23'));
      assert.ok(r.body.includes('id="field-letter-'), 'the message sits under the letter’s form');
      r = await c.post(delivery, { method: 'post', on: '2026-11-25', proof: 'EMS1180000001' });
      assert.equal(r.statusCode, 303);
      page = await c.get(path);
      assert.ok(textOf(page.body).includes('第三方提出意见期限 自2026-11-23至2026-12-16'), '15 working days from the day on the signed receipt');
      assert.ok(textOf(page.body).includes('邮寄；2026-11-25收到；EMS1180000001'));

      r = await act(c, path, 'thirdPartyAnswered', { on: '2026-11-26', opinion: 'objects', note: '含工艺参数，属于商业秘密' });
      assert.equal(r.statusCode, 303);
      page = await c.get(path);
      assert.ok(textOf(page.body).includes('第三方不同意公开（条例第三十二条）'), 'the reply form warns');
      assert.ok(page.body.includes('id="act-disclosureDecided"'));
      const grant = {
        'items[0].seq': '1',
        'items[0].kind': 'grantProvide',
        'items[0].provision': '现将验收报告发送至您的电子邮箱。',
        on: '2026-11-27',
        intent: 'reply',
      };
      r = await act(c, path, 'replied', grant);
      assert.equal(r.statusCode, 400);
      assert.ok(textOf(r.body).includes('须先登记“决定公开并书面告知第三方”'));
      r = await act(c, path, 'disclosureDecided', {
        on: '2026-11-26',
        content: '工程验收报告（隐去工艺参数）',
        reason: '',
        deliveryMethod: 'post',
        deliveredOn: '',
      });
      assert.equal(r.statusCode, 400);
      assert.ok(r.body.includes('id="field-disclosureDecided-reason"'));
      r = await act(c, path, 'disclosureDecided', {
        on: '2026-11-26',
        content: '工程验收报告（隐去工艺参数）',
        reason: '该工程使用财政资金，验收结论关系公共安全',
        deliveryMethod: 'post',
        deliveredOn: '',
      });
      assert.equal(r.statusCode, 303, textOf(r.body).slice(0, 500));
      r = await act(c, path, 'replied', grant);
      assert.equal(r.statusCode, 303, textOf(r.body).slice(0, 800));
      page = await c.get(path);
      assert.ok(textOf(page.body).includes('政府信息公开决定公开告知书'));
    });

    test('a late 补正 notice needs its reason and is a 程序瑕疵 on the case and the supervision page, which sets the default period', async () => {
      const c = await login('chaqi-editor');
      const path = await register(c, '2026-11-10', '插旗镇宅基地审批资料');
      let page = await c.get(path);
      assert.ok(textOf(page.body).includes('已超过7个工作日'), 'the form warns before');
      const form = { on: '2026-11-27', items: '请写明宅基地所在村组。', workingDays: '', deliveryMethod: 'inPerson', deliveredOn: '2026-11-27' };
      let r = await act(c, path, 'correctionRequested', form);
      assert.equal(r.statusCode, 400);
      assert.ok(r.body.includes('id="field-correctionRequested-lateReason"'));
      r = await act(c, path, 'correctionRequested', { ...form, lateReason: '申请材料在转办中延误' });
      assert.equal(r.statusCode, 303, textOf(r.body).slice(0, 500));
      page = await c.get(path);
      assert.ok(textOf(page.body).includes('程序瑕疵'));
      assert.ok(textOf(page.body).includes('逾期告知补正（条例第三十条）'));
      const receiptNo = /<h1>申请 ([^<]+)<\/h1>/.exec(page.body)?.[1];
      assert.ok(receiptNo);

      const s = await login('county-supervisor');
      const county = await s.get('/admin/county/2026');
      assert.equal(county.statusCode, 200);
      assert.ok(textOf(county.body).includes('依申请公开程序瑕疵'));
      assert.ok(textOf(county.body).includes(receiptNo));
      assert.ok(textOf(county.body).includes('申请材料在转办中延误'));
      r = await s.post('/admin/requests/settings/correction-period', {
        county: /name="county" value="(\d+)"/.exec(county.body)![1]!,
        back: '/admin/county/2026',
        correctionWorkingDays: '3',
      });
      assert.equal(r.statusCode, 400);
      assert.ok(textOf(r.body).includes('补正期限应为5至20个工作日之间的整数'));
      assert.ok(r.body.includes('value="3"'), 'the value as typed');
      r = await s.post('/admin/requests/settings/correction-period', {
        county: /name="county" value="(\d+)"/.exec(r.body)![1]!,
        back: '/admin/county/2026',
        correctionWorkingDays: '12',
      });
      assert.equal(r.statusCode, 303);
      assert.equal(r.headers.location, '/admin/county/2026?saved=1#procedure');
      const other = await register(c, '2026-11-26', '插旗镇防汛物资清单');
      page = await c.get(other);
      assert.ok(page.body.includes('value="12"'), 'the county’s default is the form’s');
      const editorPost = await c.post('/admin/requests/settings/correction-period', { county: '1', back: '/admin', correctionWorkingDays: '15' });
      assert.equal(editorPost.statusCode, 404, 'agency staff cannot set it');
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
