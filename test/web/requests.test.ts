/** The staff pages of 依申请公开 through their forms, on both databases, with real statutory dates. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { submitApplication } from '../../src/app/requests/intake.ts';
import { caseDetail } from '../../src/app/requests/read.ts';
import { eachDialect } from '../helpers/db.ts';
import { personApplication } from '../helpers/applications.ts';
import { validId } from '../helpers/files.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const application = (over: Record<string, string> = {}) => personApplication({ channel: 'inPerson', receivedDate: '2026-11-27', purpose: '', ...over });

eachDialect(
  'disclosure request staff pages',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    before(async () => {
      app = await testApp(get().ctx);
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
    });
    after(async () => app.close());

    const editor = async () => {
      const c = new Client(app);
      await c.login('chaqi-editor');
      return c;
    };
    /** Registers through the form; returns the case page's path and the redirect response. */
    const register = async (c: Client, over: Record<string, string> = {}, files: { field: string; filename: string; bytes: Uint8Array }[] = []) => {
      await c.get(`/admin/requests/new?agency=${chaqi}`);
      const res = await c.multipart(`/admin/requests?_csrf=${encodeURIComponent(c.csrf)}`, { agency: String(chaqi), ...application(over) }, files, {
        csrf: false,
      });
      return { res, path: res.headers.location?.split('?')[0] ?? '' };
    };
    const act = async (c: Client, path: string, name: string, form: Record<string, string>) => {
      await c.get(path);
      return c.post(`${path}/acts/${name}`, form);
    };

    test('the dashboard lists open cases by next deadline: overdue, due today, later, each said in words', async () => {
      const c = await editor();
      const late = await register(c, { receivedDate: '2026-10-20', items: '甲：逾期的申请' });
      const today = await register(c, { receivedDate: '2026-10-30', items: '乙：今天到期的申请' });
      const fresh = await register(c, { receivedDate: '2026-11-27', items: '丙：刚收到的申请' });
      for (const r of [late, today, fresh]) assert.equal(r.res.statusCode, 303, r.res.body.slice(0, 500));
      const page = await c.get(`/admin/requests?agency=${chaqi}`);
      assert.equal(page.statusCode, 200);
      const at = (s: string) => page.body.indexOf(s);
      assert.ok(
        at('甲：逾期的申请') > 0 && at('甲：逾期的申请') < at('乙：今天到期的申请') && at('乙：今天到期的申请') < at('丙：刚收到的申请'),
        'nearest deadline first',
      );
      const row = (s: string) => page.body.slice(page.body.lastIndexOf('<tr', at(s)), page.body.indexOf('</tr>', at(s)));
      assert.match(row('甲：逾期的申请'), /class="urgency-overdue"/);
      assert.match(textOf(row('甲：逾期的申请')), /已逾期\d+个工作日/);
      assert.match(row('乙：今天到期的申请'), /class="urgency-dueSoon"/);
      assert.ok(textOf(row('乙：今天到期的申请')).includes('答复期限：2026-11-27'));
      assert.ok(textOf(row('乙：今天到期的申请')).includes('今天到期'));
      assert.match(row('丙：刚收到的申请'), /class="urgency-normal"/);
      assert.ok(textOf(row('丙：刚收到的申请')).includes('还剩20个工作日'));
      assert.ok(textOf(row('丙：刚收到的申请')).includes('自然人'));
      assert.equal(row('丙：刚收到的申请').includes(validId), false, 'no ID number on the dashboard');
      const bench = await c.get('/admin');
      assert.match(textOf(bench.body), /逾期[1-9]\d*件/);
      assert.ok(bench.body.includes('href="/admin/requests"'));
    });

    test('registration shows the query code once; 补正, correction, third party, extension and a 部分公开 reply through the forms', async () => {
      const c = await editor();
      const { res, path } = await register(c, { channel: 'registeredPost', receivedDate: '2025-05-06' }, [
        { field: 'identityFiles', filename: '身份证.png', bytes: png },
      ]);
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      const first = await c.get(res.headers.location!);
      const code = /查询码：\s*<strong>([A-Z0-9]{8})<\/strong>/.exec(first.body)?.[1];
      assert.ok(code, 'the query code is shown after registration');
      assert.ok(textOf(first.body).includes('申请已登记'));
      assert.ok(textOf(first.body).includes('邮寄（需签收）'));
      assert.ok(first.body.includes('如何计算'));
      assert.ok(first.body.includes(validId), "the agency's staff see the applicant");
      const again = await c.get(path);
      assert.equal(again.body.includes(code), false, 'shown once only');

      const file = /href="(\/admin\/requests\/\d+\/files\/\d+)"/.exec(again.body)?.[1];
      assert.ok(file);
      const download = await c.get(file);
      assert.equal(download.headers['content-type'], 'image/png');
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      assert.match(String(download.headers['content-disposition']), /^attachment; filename\*=UTF-8''/);

      let r = await act(c, path, 'correctionRequested', {
        on: '2025-05-09',
        items: '请写明所在村组。',
        workingDays: '',
        deliveryMethod: 'email',
        deliveredOn: '2025-05-09',
      });
      assert.equal(r.statusCode, 303, textOf(r.body).slice(0, 500));
      let page = await c.get(path);
      assert.ok(textOf(page.body).includes('待申请人补正'));
      assert.ok(textOf(page.body).includes('申请人补正期限'));
      r = await act(c, path, 'correctionReceived', { on: '2025-05-12', note: '已写明村组' });
      assert.equal(r.statusCode, 303);
      page = await c.get(path);
      assert.ok(textOf(page.body).includes('2025-06-10（2025年6月10日），自2025-05-12起算'), 'the clock restarts on the corrected application');
      r = await act(c, path, 'thirdPartyConsulted', { on: '2025-05-20', party: '华容县某某农业合作社', deliveryMethod: 'email', deliveredOn: '2025-05-20' });
      assert.equal(r.statusCode, 303);
      page = await c.get(path);
      assert.ok(textOf(page.body).includes('第三方提出意见期限 自2025-05-20至2025-06-11'));
      r = await act(c, path, 'thirdPartyAnswered', { on: '2025-05-30', opinion: 'objects', note: '涉及商业秘密' });
      assert.equal(r.statusCode, 303);
      const tooLong = await act(c, path, 'extensionProposed', { on: '2025-06-20', workingDays: '25', reason: '需要调取多个村的档案' });
      assert.equal(tooLong.statusCode, 400);
      assert.ok(textOf(tooLong.body).includes('延长的期限为1至20个工作日'));
      assert.ok(tooLong.body.includes('value="需要调取多个村的档案"') || tooLong.body.includes('需要调取多个村的档案</textarea>'), 'typed values are kept');
      // The editor asks; only the head of the office consents (条例 第三十三条第二款).
      assert.equal((await act(c, path, 'extended', { on: '2025-06-20', workingDays: '10', reason: '需要调取多个村的档案' })).statusCode, 403);
      r = await act(c, path, 'extensionProposed', { on: '2025-06-20', workingDays: '10', reason: '需要调取多个村的档案' });
      assert.equal(r.statusCode, 303);
      page = await c.get(path);
      assert.ok(textOf(page.body).includes('提请延长答复期限10个工作日') && textOf(page.body).includes('正在等待负责人审批'));
      assert.ok(!page.body.includes(`action="/admin/requests/${path.split('/').pop()}/acts/extended"`), 'no consent form for an editor');
      const head = new Client(app);
      await head.login('chaqi-leader');
      r = await act(head, path, 'extended', { on: '2025-06-20', workingDays: '10', reason: '需要调取多个村的档案' });
      assert.equal(r.statusCode, 303);
      const id = Number(path.split('/').pop());
      const due = (await caseDetail(get().ctx, { id: 0, roles: [{ role: 'editor', agencyId: chaqi }] }, id)).view.replyDue!.due;
      page = await c.get(path);
      assert.ok(textOf(page.body).includes(`${due}（`), `the extended reply date ${due} is shown`);
      assert.ok(textOf(page.body).includes('延长10个工作日'));

      const items = {
        'items[0].seq': '1',
        'items[0].kind': 'partial',
        'items[0].provision': '现将名单发送至您的电子邮箱。',
        'items[1].seq': '2',
        'items[1].kind': 'grantProvide',
        'items[1].provision': '现将发放情况表发送至您的电子邮箱。',
      };
      const preview = await act(c, path, 'replied', { ...items, on: '2025-06-25', intent: 'preview' });
      assert.equal(preview.statusCode, 200);
      assert.ok(textOf(preview.body).includes('本申请将计入表三：（二） 部分公开'), textOf(preview.body).slice(0, 300));
      const missing = await act(c, path, 'replied', { ...items, on: '2025-06-25', intent: 'reply' });
      assert.equal(missing.statusCode, 400);
      assert.ok(textOf(missing.body).includes('第1项“2024年插旗镇城乡低保对象名单”：理由或说明不能为空'));
      assert.ok(missing.body.includes('id="field-replied-items[0]-reason"'), 'the message points at its field');
      assert.ok(missing.body.includes('现将名单发送至您的电子邮箱。'), 'typed values are kept');
      const full = { ...items, 'items[0].reason': '名单中的身份证号码属于个人隐私，已作遮盖处理。', on: '2025-06-25' };
      // 部分公开 is no 予以公开: the editor drafts it, the head signs it.
      r = await act(c, path, 'replied', { ...full, intent: 'reply' });
      assert.equal(r.statusCode, 400);
      assert.ok(textOf(r.body).includes('予以公开以外的答复，由承办人拟稿，经政府信息公开工作机构负责人签发后作出：请点击“提交负责人签发”'));
      r = await act(c, path, 'replied', { ...full, intent: 'draft' });
      assert.equal(r.statusCode, 303, textOf(r.body).slice(0, 800));
      r = await act(head, path, 'replied', { ...full, intent: 'reply' });
      assert.equal(r.statusCode, 400, 'the head signs the draft, not a reply around it');
      const signing = await head.get(path);
      const draftSeq = /name="draftSeq" value="(\d+)"/.exec(signing.body)![1]!;
      assert.ok(textOf(signing.body).includes('名单中的身份证号码属于个人隐私'), 'the head reads the letter as it will be issued');
      r = await head.post(`${path}/sign-off`, { on: '2025-06-25', draftSeq });
      assert.equal(r.statusCode, 303, textOf(r.body).slice(0, 800));
      page = await c.get(path);
      const text = textOf(page.body);
      assert.ok(text.includes('已办结'));
      assert.ok(text.includes('办理结果（表三） （二） 部分公开'));
      for (const title of [
        '政府信息公开申请登记回执',
        '政府信息公开申请补正告知书',
        '政府信息公开第三方意见征询函',
        '政府信息公开申请延期答复告知书',
        '政府信息公开申请答复书',
      ])
        assert.ok(text.includes(title), title);
      assert.ok(
        text.includes('条例第三十二条') && text.includes('批准人：插旗镇审核领导') && text.includes('签发人：插旗镇审核领导'),
        'the timeline with basis and details',
      );

      const letter = [...page.body.matchAll(/href="(\/admin\/requests\/\d+\/letters\/\d+)"/g)].map((m) => m[1]!).at(-1)!;
      const html = await c.get(letter);
      assert.equal(html.statusCode, 200);
      assert.ok(textOf(html.body).includes('政府信息公开申请答复书'));
      assert.ok(textOf(html.body).includes('名单中的身份证号码属于个人隐私'));
      assert.ok(html.body.includes('/assets/letter.css'));
      const docx = await c.get(`${letter}.docx`);
      assert.equal(docx.statusCode, 200);
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      assert.match(String(docx.headers['content-disposition']), /^attachment/);
      assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    });

    test('the reply form shows each missing reason or search description under its own item, with the reply kinds of （四）1 apart', async () => {
      const c = await editor();
      const { res, path } = await register(c, { receivedDate: '2026-11-20', items: '镇党委会议记录\n\n某某工程合同\n\n某某证明的原件' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      const form = await c.get(path);
      assert.ok(form.body.includes('<option value="unableToProvide.doesNotExist"') && form.body.includes('<option value="unableToProvide.notResponsible"'));
      assert.ok(!form.body.includes('value="unableToProvide.notHeld"'), 'the merged kind is no longer offered');
      assert.ok(textOf(form.body).includes('必填：无法提供（经检索没有所需信息）'), 'the search description says which reply needs it');
      const items = {
        'items[0].seq': '1',
        'items[0].kind': 'withheld.processInformation',
        'items[1].seq': '2',
        'items[1].kind': 'unableToProvide.doesNotExist',
        'items[2].seq': '3',
        'items[2].kind': 'notProcessed.confirmationOrReissue',
        'items[2].provision': '（无）',
      };
      const r = await act(c, path, 'replied', { ...items, on: '2026-11-27', intent: 'reply' });
      assert.equal(r.statusCode, 400);
      const fieldset = (i: number) =>
        r.body.slice(
          r.body.indexOf(`<fieldset class="reply-item" id="reply-item-${i}">`),
          r.body.indexOf('</fieldset>', r.body.indexOf(`id="reply-item-${i}"`)),
        );
      const under = (i: number, fact: string) =>
        new RegExp(`<p class="field-error" id="field-replied-items\\[${i}\\]-${fact}-error">([^<]*)</p>`).exec(fieldset(i))?.[1];
      assert.equal(under(0, 'reason'), '第1项“镇党委会议记录”：理由或说明不能为空');
      assert.equal(under(1, 'searchDescription'), '第2项“某某工程合同”：检索情况（检索的范围和方式）不能为空');
      assert.equal(under(2, 'reason'), '第3项“某某证明的原件”：理由或说明不能为空');
      assert.ok(fieldset(2).includes('value="（无）"') || fieldset(2).includes('>（无）</textarea>'), 'typed values are kept');
      assert.ok(r.body.includes('href="#field-replied-items[1]-searchDescription"'), 'the summary links to the field');
      assert.ok(!textOf(r.body).includes('文书缺少以下内容'), 'never the generic letter error');
      const head = new Client(app);
      await head.login('chaqi-leader');
      const done = await act(head, path, 'replied', {
        ...items,
        'items[0].reason': '会议记录为研究讨论过程中形成的记录',
        'items[1].searchDescription': '检索了本机关的合同登记簿和档案目录',
        'items[2].reason': '申请人已经取得该证明',
        on: '2026-11-27',
        intent: 'reply',
      });
      assert.equal(done.statusCode, 303, textOf(done.body).slice(0, 800));
      const page = await c.get(path);
      assert.ok(textOf(page.body).includes('答复：无法提供（经检索没有所需信息）；计入表三：（四）1'), textOf(page.body).slice(0, 300));
      const letter = [...page.body.matchAll(/href="(\/admin\/requests\/\d+\/letters\/\d+)"/g)].map((m) => m[1]!).at(-1)!;
      const text = textOf((await c.get(letter)).body);
      assert.ok(text.includes('对本答复第（一）项不服的，根据《中华人民共和国行政复议法》第二十三条的规定，应当先向华容县人民政府申请行政复议'), text);
      assert.ok(
        text.includes(
          '对本答复第（二）项、第（三）项不服的，可以自收到本答复之日起六十日内向华容县人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。',
        ),
      );
    });

    test('other agencies find nothing; a reviewer and the county supervisor read but cannot act; the supervisor sees no personal data', async () => {
      const c = await editor();
      const { path } = await register(c, { items: '权限检查用的申请' }, [{ field: 'identityFiles', filename: '身份证.png', bytes: png }]);
      const page = await c.get(path);
      const file = /href="(\/admin\/requests\/\d+\/files\/\d+)"/.exec(page.body)![1]!;
      const letter = /href="(\/admin\/requests\/\d+\/letters\/\d+)"/.exec(page.body)![1]!;

      const other = new Client(app);
      await other.login('zhanghua-editor');
      assert.equal((await other.get(path)).statusCode, 404);
      assert.equal((await other.get(letter)).statusCode, 404);
      assert.equal((await other.get(file)).statusCode, 404);
      await other.get('/admin');
      assert.equal((await other.post(`${path}/acts/withdrawn`, { on: '2026-11-27', reason: '撤回' })).statusCode, 404);
      assert.equal((await other.get(`/admin/requests?agency=${chaqi}`)).statusCode, 404);

      const reviewer = new Client(app);
      await reviewer.login('chaqi-reviewer');
      const seen = await reviewer.get(path);
      assert.equal(seen.statusCode, 200);
      assert.equal(seen.body.includes('/acts/'), false, 'no act forms');
      assert.equal((await reviewer.post(`${path}/acts/withdrawn`, { on: '2026-11-27', reason: '撤回' })).statusCode, 403);

      const supervisor = new Client(app);
      await supervisor.login('county-supervisor');
      const read = await supervisor.get(path);
      assert.equal(read.statusCode, 200);
      assert.equal(read.body.includes(validId), false, 'no ID number');
      assert.equal(read.body.includes('13973012345'), false, 'no phone');
      assert.equal(read.body.includes('/files/'), false);
      assert.equal(read.body.includes('/acts/'), false);
      assert.equal((await supervisor.get(file)).statusCode, 404);
      assert.equal((await supervisor.get(letter)).statusCode, 200);
      // Letters name the applicant and their address: masked for the supervisor, in HTML and Word alike.
      const staffLetter = await c.get(letter);
      assert.ok(staffLetter.body.includes('李四'), 'the agency reads the name');
      const masked = await supervisor.get(letter);
      assert.equal(masked.body.includes('李四'), false, 'no name in the letter');
      assert.ok(masked.body.includes('李*'));
      assert.equal(read.body.includes('李四'), false, 'no name on the case page');
      const docx = await supervisor.get(`${letter}.docx`);
      assert.equal(docx.statusCode, 200);
      const { default: JSZip } = await import('jszip');
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      assert.ok(xml.includes('李*') && !xml.includes('李四'), 'the Word letter is masked too');
      assert.equal((await supervisor.post(`${path}/acts/withdrawn`, { on: '2026-11-27', reason: '撤回' })).statusCode, 403);
      assert.equal((await supervisor.get(`/admin/requests?agency=${chaqi}`)).statusCode, 200);
      assert.equal((await supervisor.get(`/admin/requests/new?agency=${chaqi}`)).statusCode, 404);
    });

    test('the registration form has the public form’s fields: the person’s and the organisation’s boxes, and only the chosen type’s is registered', async () => {
      const c = await editor();
      const form = await c.get(`/admin/requests/new?agency=${chaqi}`);
      assert.equal(form.statusCode, 200);
      const text = textOf(form.body);
      for (const s of [
        '申请人是自然人的，填写本栏（法人或者其他组织不填）',
        '申请人是法人或者其他组织的，填写本栏（自然人不填）',
        '以行政机关签收之日为收到申请之日',
        'PDF、JPG 或 PNG',
      ])
        assert.ok(text.includes(s), s);
      for (const id of [
        'channel',
        'receivedDate',
        'applicantType',
        'personName',
        'idDocument',
        'idNumber',
        'orgName',
        'creditCode',
        'contactPerson',
        'phone',
        'items',
        'form',
        'delivery',
        'identityFiles',
      ]) {
        assert.ok(form.body.includes(`id="field-${id}"`), id);
      }
      assert.ok(form.body.includes('aria-describedby="hint-idNumber"'));
      const { name, ...rest } = application({ items: '分栏登记的申请' });
      const { res, path } = await register(c, { ...rest, personName: name!, orgName: '不应登记的单位', creditCode: '91430623MA4L0000XX' });
      assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 500));
      const d = await caseDetail(get().ctx, { id: 0, roles: [{ role: 'editor', agencyId: chaqi }] }, Number(path.split('/').pop()));
      assert.equal(d.row.applicant_name, name);
      // An organisation's name missing: the message under the organisation's box, what was typed kept.
      const bad = await register(c, { ...rest, applicantType: 'commercial', orgName: '', creditCode: '', contactPerson: '', phone: '0730-4221234' });
      assert.equal(bad.res.statusCode, 400);
      assert.ok(bad.res.body.includes('<a href="#field-orgName">请填写单位名称'));
      assert.match(bad.res.body, /<p class="field-error" id="error-orgName"><span class="visually-hidden">错误：<\/span>请填写单位名称/);
      assert.ok(bad.res.body.includes('value="commercial" checked=""') && bad.res.body.includes('value="0730-4221234"'));
    });

    test('bad registration names each field and keeps what was typed; nothing is saved', async () => {
      const c = await editor();
      const count = async () =>
        Number(
          (
            await get()
              .ctx.db.selectFrom('applications')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await count();
      const { res } = await register(c, { receivedDate: '2026-12-01', name: '', idNumber: '430623199001011235', phone: '13973012345', address: '插旗村三组' });
      assert.equal(res.statusCode, 400);
      const text = textOf(res.body);
      assert.ok(text.includes('收到申请之日2026-12-01晚于今天'));
      assert.ok(text.includes('请填写姓名'));
      assert.ok(text.includes('居民身份证号码有误'));
      assert.ok(res.body.includes('href="#field-receivedDate"') && res.body.includes('href="#field-idNumber"'));
      assert.ok(res.body.includes('value="430623199001011235"') && res.body.includes('value="插旗村三组"'));
      assert.ok(res.body.includes('value="2026-12-01"'));
      assert.equal(await count(), n);
      const noChannel = await register(c, { channel: 'online' });
      assert.equal(noChannel.res.statusCode, 400);
      assert.ok(textOf(noChannel.res.body).includes('请选择申请的提交方式'));
      const badAct = await act(c, (await register(c, { items: '坏日期' })).path, 'correctionRequested', { on: '2026-13-40', items: '' });
      assert.equal(badAct.statusCode, 400);
      assert.ok(textOf(badAct.body).includes('日期无效'));
    });

    test('an online submission is confirmed from the dashboard: the confirmation day is 收到申请之日', async () => {
      const { ctx } = get();
      const s = await submitApplication(ctx, chaqi, { ...application({ delivery: 'online' }), items: '网上申请：2025年插旗镇防汛物资采购合同' }, []);
      const c = await editor();
      const dash = await c.get(`/admin/requests?agency=${chaqi}`);
      assert.ok(textOf(dash.body).includes(s.receiptNo));
      const sid = new RegExp(`${s.receiptNo}[\\s\\S]*?/admin/requests/submissions/(\\d+)/confirm`).exec(dash.body)?.[1];
      assert.ok(sid);
      const early = await c.post(`/admin/requests/submissions/${sid}/confirm`, { confirmedOn: '2026-11-26' });
      assert.equal(early.statusCode, 400);
      assert.ok(textOf(early.body).includes('确认之日不能早于提交之日'));
      assert.ok(early.body.includes(`id="field-confirm-${sid}-confirmedOn"`) && early.body.includes('value="2026-11-26"'));
      const ok = await c.post(`/admin/requests/submissions/${sid}/confirm`, { confirmedOn: '2026-11-27' });
      assert.equal(ok.statusCode, 303);
      const page = await c.get(ok.headers.location!);
      const text = textOf(page.body);
      assert.ok(text.includes(`申请 ${s.receiptNo}`));
      assert.ok(text.includes('网上申请') && text.includes('收到申请之日 2026-11-27'));
      assert.equal(page.body.includes('查询码：'), false, 'the applicant already has the code');
      const second = await c.post(`/admin/requests/submissions/${sid}/confirm`, { confirmedOn: '2026-11-27' });
      assert.equal(second.statusCode, 400);
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
