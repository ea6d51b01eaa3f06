/**
 * 网上申请 and 申请查询 through the front door on both databases: a submission to its
 * receipt page and the status page, before and after staff confirm it, with the receipt
 * letter shown and downloaded as DOCX; field messages that keep what was typed and save
 * nothing; oversize and disguised files; rate limits; a wrong pair; CSRF; and the
 * applicant's ID number shown nowhere but back to the applicant on the error form.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { confirmSubmission } from '../../src/app/requests/intake.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { applicationLimits } from '../../src/law/application-form.ts';
import { eachDialect } from '../helpers/db.ts';
import { personApplication } from '../helpers/applications.ts';
import { docxWith, validId } from '../helpers/files.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const wrongCheckDigit = `${validId.slice(0, 17)}${validId[17] === '8' ? '9' : '8'}`;
const items = personApplication().items!;

let address = 0;
/** A client of its own address: the submit and look-up limits count per address. */
const clientOf = (app: FastifyInstance) => new Client(app, { remoteAddress: `10.0.${Math.floor(++address / 250)}.${address % 250}` });

eachDialect(
  'online applications (网上申请, 申请查询)',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    let editor: Actor;
    /** The shared test application as this form sends it: the name in the person's box, the letters to be read online. */
    const form = (over: Record<string, string> = {}) => {
      const { name, ...rest } = personApplication({ delivery: 'online' });
      return { agency: String(chaqi), personName: name!, ...rest, ...over };
    };
    const submissions = async () =>
      Number(
        (
          await get()
            .ctx.db.selectFrom('application_submissions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      app = await testApp(get().ctx);
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
      const user = await get().ctx.db.selectFrom('users').select('id').where('username', '=', 'chaqi-editor').executeTakeFirstOrThrow();
      editor = { id: user.id, roles: [{ role: 'editor', agencyId: chaqi }] };
    });
    after(async () => app.close());

    test('the form: agencies grouped with the column’s agency chosen, both applicant boxes with legends, autocomplete, no-store', async () => {
      const res = await clientOf(app).get(`/apply?agency=${chaqi}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.ok(res.body.includes('<optgroup label="乡镇人民政府">'));
      assert.ok(res.body.includes(`<option value="${chaqi}" selected="">华容县插旗镇人民政府</option>`));
      const text = textOf(res.body);
      for (const s of [
        '申请人是自然人的，填写本栏（法人或者其他组织不填）',
        '申请人是法人或者其他组织的，填写本栏（自然人不填）',
        '商业企业',
        '法律服务机构',
        '一事一申请',
        '部分公开',
        '信息处理费',
        '国办函〔2020〕109号',
        '双方确认之日',
        'PDF、JPG 或 PNG',
      ]) {
        assert.ok(text.includes(s), s);
      }
      for (const s of [
        'autocomplete="name"',
        'autocomplete="organization"',
        'autocomplete="tel"',
        'autocomplete="email"',
        'autocomplete="street-address"',
        'autocomplete="postal-code"',
      ])
        assert.ok(res.body.includes(s), s);
      assert.ok(res.body.includes('enctype="multipart/form-data"'));
      assert.ok(/<form method="post" action="\/apply"/.test(res.body), 'no token or code in the address');
      assert.ok(res.body.includes('name="_csrf"'));
    });

    test('a valid application: redirected to its receipt page, then the status page before and after staff confirm it, and the receipt letter as DOCX', async () => {
      const client = clientOf(app);
      await client.get(`/apply?agency=${chaqi}`);
      const before = await submissions();
      const posted = await client.multipart('/apply', form(), [{ field: 'identityFiles', filename: '身份证.png', bytes: png }]);
      assert.equal(posted.statusCode, 303, textOf(posted.body).slice(0, 600));
      assert.equal(posted.headers['cache-control'], 'no-store');
      const location = String(posted.headers.location);
      assert.match(location, /^\/apply\/receipt\/[A-Za-z0-9_-]{43}$/);
      const res = await client.get(location);
      assert.equal(res.statusCode, 200, textOf(res.body).slice(0, 600));
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(await submissions(), before + 1);
      const receiptNo = /<dt>申请编号<\/dt><dd><code class="secret">([^<]+)<\/code>/.exec(res.body)?.[1];
      const code = /<dt>查询码<\/dt><dd><code class="secret">([^<]+)<\/code>/.exec(res.body)?.[1];
      assert.match(receiptNo ?? '', /^WS\d{10}$/);
      assert.match(code ?? '', /^[A-Z2-9]{8}$/);
      const text = textOf(res.body);
      for (const s of ['华容县插旗镇人民政府', '只在本页显示这一次', '双方确认之日', '20个工作日']) assert.ok(text.includes(s), s);
      assert.ok(res.body.includes('href="/apply/status"'));
      assert.ok(!res.body.includes(validId), 'no ID number on the receipt page');
      assert.ok(![...res.body.matchAll(/(?:href|action|src)="([^"]*)"/g)].some((m) => m[1]!.includes(code!)), 'the code is in no address');
      assert.ok(!location.includes(code!), 'not in the receipt page’s either');
      const files = await get().ctx.db.selectFrom('application_files').select(['filename', 'type']).where('submission_id', 'is not', null).execute();
      assert.ok(files.some((f) => f.filename === '身份证.png' && f.type === 'png'));

      // Submitted, not yet confirmed.
      const look = clientOf(app);
      await look.get('/apply/status');
      let status = await look.post('/apply/status', { receiptNo: receiptNo!.toLowerCase(), queryCode: ` ${code!.toLowerCase()} ` });
      assert.equal(status.statusCode, 200);
      assert.equal(status.headers['cache-control'], 'no-store');
      assert.ok(textOf(status.body).includes('已提交，等待受理机关确认'));

      // Staff confirm on 2026-11-27: 收到申请之日, the reply deadline, the receipt letter.
      const submission = await get().ctx.db.selectFrom('application_submissions').select('id').where('receipt_no', '=', receiptNo!).executeTakeFirstOrThrow();
      await confirmSubmission(get().ctx, editor, submission.id, '2026-11-27');
      status = await look.post('/apply/status', { receiptNo: receiptNo!, queryCode: code! });
      assert.equal(status.statusCode, 200);
      const shown = textOf(status.body);
      for (const s of ['收到申请之日 2026-11-27', '华容县插旗镇人民政府', '答复期限：', '政府信息公开申请登记回执', '李四', receiptNo!])
        assert.ok(shown.includes(s), s);
      assert.ok(status.body.includes('<link rel="stylesheet" href="/assets/letter.css"/>'));
      assert.ok(status.body.includes('<article class="letter"'));
      assert.ok(!status.body.includes(validId), 'no ID number on the status page');
      const letterId = /name="letter" value="(\d+)"/.exec(status.body)?.[1];
      assert.ok(letterId);

      const docx = await look.post('/apply/status/letter', { receiptNo: receiptNo!, queryCode: code!, letter: letterId! });
      assert.equal(docx.statusCode, 200, docx.body.slice(0, 300));
      assert.equal(docx.headers['cache-control'], 'no-store');
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      assert.match(String(docx.headers['content-disposition']), /^attachment; filename\*=UTF-8''/);
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      assert.ok(xml.includes('政府信息公开申请登记回执'));
      assert.ok(!xml.includes(validId));

      // The pair authorises the download: a right receipt number with a wrong code gets the look-up form.
      const denied = await look.post('/apply/status/letter', { receiptNo: receiptNo!, queryCode: 'AAAAAAAA', letter: letterId! });
      assert.equal(denied.statusCode, 400);
      assert.ok(!String(denied.headers['content-type']).includes('wordprocessingml'));

      // No public page shows the ID number.
      const reader = clientOf(app);
      for (const p of ['/', '/agencies', `/agencies/${chaqi}`, `/agencies/${chaqi}/guide`, '/apply', '/apply/status', '/items', '/api/agencies']) {
        assert.ok(!(await reader.get(p)).body.includes(validId), p);
      }
    });

    test('the receipt page again (a refresh, the back button, another browser): nothing submitted again, the receipt number without the query code; a made-up token gets a message', async () => {
      const client = clientOf(app);
      await client.get(`/apply?agency=${chaqi}`);
      const before = await submissions();
      const location = String((await client.multipart('/apply', form())).headers.location);
      const first = await client.get(location);
      const receiptNo = /<dt>申请编号<\/dt><dd><code class="secret">([^<]+)<\/code>/.exec(first.body)?.[1];
      const code = /<dt>查询码<\/dt><dd><code class="secret">([^<]+)<\/code>/.exec(first.body)?.[1];
      assert.ok(receiptNo && code);
      for (const again of [await client.get(location), await clientOf(app).get(location)]) {
        assert.equal(again.statusCode, 200);
        assert.equal(again.headers['cache-control'], 'no-store');
        assert.ok(again.body.includes(`<dt>申请编号</dt><dd><code class="secret">${receiptNo}</code>`));
        assert.ok(!again.body.includes(code) && !again.body.includes('<dt>查询码</dt>'), 'the code is not shown again');
        assert.ok(textOf(again.body).includes('查询码已在第一次打开本页时显示过'));
      }
      assert.equal(await submissions(), before + 1, 'one submission however often the receipt is read');
      // The code still works where it belongs.
      const look = clientOf(app);
      await look.get('/apply/status');
      assert.equal((await look.post('/apply/status', { receiptNo, queryCode: code })).statusCode, 200);

      for (const made of [`/apply/receipt/${'A'.repeat(43)}`, '/apply/receipt/not-a-token', `/apply/receipt/${code}`]) {
        const res = await client.get(made);
        assert.equal(res.statusCode, 404, made);
        assert.equal(res.headers['cache-control'], 'no-store');
        const text = textOf(res.body);
        assert.ok(text.includes('找不到这张回执') && text.includes('已超过提交后30分钟的有效期'), text.slice(0, 400));
        assert.ok(res.body.includes('href="/apply/status"'));
      }
    });

    test('an invalid 身份证号 check digit: the message by the field and in the summary, everything typed kept, files to choose again, nothing saved', async () => {
      const client = clientOf(app);
      await client.get('/apply');
      const before = await submissions();
      const res = await client.multipart('/apply', form({ idNumber: wrongCheckDigit }), [{ field: 'identityFiles', filename: '身份证.png', bytes: png }]);
      assert.equal(res.statusCode, 400);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(await submissions(), before);
      assert.ok(res.body.includes('<a href="#field-idNumber">居民身份证号码有误'));
      assert.match(res.body, /<p class="field-error" id="error-idNumber"><span class="visually-hidden">错误：<\/span>居民身份证号码有误/);
      const input = /<input [^>]*id="field-idNumber"[^>]*>/.exec(res.body)?.[0] ?? '';
      for (const a of ['name="idNumber"', 'aria-invalid="true"', 'aria-describedby="hint-idNumber error-idNumber"', `value="${wrongCheckDigit}"`])
        assert.ok(input.includes(a), `${a} in ${input}`);
      // Back to the applicant only: the typed number, the other fields, the items as typed.
      assert.ok(res.body.includes(`value="${wrongCheckDigit}"`));
      for (const v of ['value="李四"', 'value="13973012345"', 'value="lisi@example.com"', 'value="414200"']) assert.ok(res.body.includes(v), v);
      assert.ok(res.body.includes(`${items}</textarea>`));
      assert.ok(res.body.includes('<input type="radio" id="field-applicantType" name="applicantType" value="naturalPerson" checked=""/>'));
      assert.ok(res.body.includes('value="online" checked=""'));
      assert.ok(textOf(res.body).includes('已选择的身份证明材料没有保存，请在下方重新选择文件'));
    });

    test('missing fields: every message at once (agency too), each linked from the summary; an organisation’s name goes to its own box', async () => {
      const client = clientOf(app);
      await client.get('/apply');
      const before = await submissions();
      const res = await client.multipart(
        '/apply',
        form({ agency: '', applicantType: 'commercial', personName: '', orgName: '', creditCode: '', phone: '', items: '' }),
      );
      assert.equal(res.statusCode, 400);
      assert.equal(await submissions(), before);
      for (const [anchor, message] of [
        ['agency', '请选择受理申请的机关'],
        ['orgName', '请填写单位名称'],
        ['creditCode', '统一社会信用代码有误'],
        ['contactPerson', '请填写联系人姓名'],
        ['phone', '请填写联系电话'],
        ['items', '请描述所需的政府信息'],
      ]) {
        assert.ok(res.body.includes(`<a href="#field-${anchor}">${message}`), anchor);
        assert.ok(res.body.includes(`id="error-${anchor}"`), anchor);
      }
      assert.ok(res.body.includes('value="commercial" checked=""'));
      assert.ok(!textOf(res.body).includes('没有保存'), 'no files were chosen');
      // The person's box was not sent on: its ID number is not checked for an organisation.
      assert.ok(!res.body.includes('error-idNumber'));
    });

    test('an oversize upload and a disguised file get the field message; too many files too', async () => {
      const client = clientOf(app);
      await client.get('/apply');
      const before = await submissions();
      const big = new Uint8Array(applicationLimits.maxUploadBytes + 4096);
      big.set(png);
      let res = await client.multipart('/apply', form(), [{ field: 'identityFiles', filename: '身份证正面.png', bytes: big }]);
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes('<a href="#field-identityFiles">身份证明材料“身份证正面.png”超过10 MB'), textOf(res.body).slice(0, 800));
      assert.ok(res.body.includes('value="李四"'));

      res = await client.multipart('/apply', form(), [{ field: 'identityFiles', filename: '身份证.pdf', bytes: await docxWith('不是PDF') }]);
      assert.equal(res.statusCode, 400);
      assert.ok(textOf(res.body).includes('身份证明材料“身份证.pdf”的扩展名是 .pdf，内容却是'), textOf(res.body).slice(0, 800));
      res = await client.multipart('/apply', form(), [{ field: 'identityFiles', filename: '身份证.jpg', bytes: png }]);
      assert.equal(res.statusCode, 400);
      assert.ok(textOf(res.body).includes('身份证明材料“身份证.jpg”的扩展名是 .jpg，内容却是PNG 图片'));

      const many = Array.from({ length: applicationLimits.maxUploads + 3 }, (_, i) => ({ field: 'identityFiles', filename: `第${i + 1}页.png`, bytes: png }));
      res = await client.multipart('/apply', form(), many);
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes(`<a href="#field-identityFiles">身份证明材料最多上传${applicationLimits.maxUploads}个文件`));
      assert.ok(res.body.includes('value="李四"'));

      // A body larger than any complete application is not read: the form again, never a 500.
      const huge = new Uint8Array(applicationLimits.maxUploadBytes + 1024 * 1024);
      res = await client.multipart(
        '/apply',
        form(),
        Array.from({ length: applicationLimits.maxUploads + 1 }, (_, i) => ({ field: 'identityFiles', filename: `${i}.png`, bytes: huge })),
      );
      assert.equal(res.statusCode, 413);
      assert.ok(res.body.includes('<a href="#field-identityFiles">提交的内容过大'));
      // A broken multipart body is the client's error.
      res = await app.inject({
        method: 'POST',
        url: '/apply',
        payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        remoteAddress: '10.8.8.8',
      });
      assert.equal(res.statusCode, 400);
      assert.equal(await submissions(), before);
    });

    test('a wrong pair: one message that does not say which part is wrong', async () => {
      const client = clientOf(app);
      await client.get('/apply/status');
      for (const pair of [
        { receiptNo: 'WS2026999999', queryCode: 'ABCDEFGH' },
        { receiptNo: 'YSQ2024-00001', queryCode: 'ABCDEFGH' },
      ]) {
        const res = await client.post('/apply/status', pair);
        assert.equal(res.statusCode, 400);
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.equal(res.body.split('申请编号或查询码不正确').length - 1, 1);
        assert.ok(res.body.includes('<a href="#field-receiptNo">申请编号或查询码不正确'));
        assert.ok(!res.body.includes('id="error-queryCode"') && !res.body.includes('id="error-receiptNo"'));
        assert.ok(res.body.includes(`value="${pair.receiptNo}"`), 'the receipt number is kept');
        assert.ok(!res.body.includes('ABCDEFGH'), 'the code is not echoed');
      }
    });

    test('CSRF: the forms without their token are refused and save nothing', async () => {
      const client = clientOf(app);
      await client.get('/apply');
      const before = await submissions();
      let res = await client.multipart('/apply', form(), [], { csrf: false });
      assert.equal(res.statusCode, 403);
      res = await client.multipart('/apply', { ...form(), _csrf: 'forged' }, [], { csrf: false });
      assert.equal(res.statusCode, 403);
      // A token without the cookie it belongs to (another browser's) is refused too.
      const stranger = clientOf(app);
      stranger.csrf = client.csrf;
      res = await stranger.multipart('/apply', form());
      assert.equal(res.statusCode, 403);
      assert.equal(await submissions(), before);
      res = await client.post('/apply/status', { receiptNo: 'WS2026000001', queryCode: 'ABCDEFGH' }, { csrf: false });
      assert.equal(res.statusCode, 403);
      res = await client.post('/apply/status/letter', { receiptNo: 'WS2026000001', queryCode: 'ABCDEFGH', letter: '1' }, { csrf: false });
      assert.equal(res.statusCode, 403);
    });

    test('rate limits per client address: 10 submissions and 20 look-ups in 10 minutes', async () => {
      const client = clientOf(app);
      await client.get('/apply');
      for (let i = 0; i < 10; i++) assert.equal((await client.multipart('/apply', form({ phone: '' }))).statusCode, 400);
      const limited = await client.multipart('/apply', form());
      assert.equal(limited.statusCode, 429);
      assert.ok(textOf(limited.body).includes('操作过于频繁'));
      // Another address is not held back.
      const other = clientOf(app);
      await other.get('/apply');
      assert.equal((await other.multipart('/apply', form({ phone: '' }))).statusCode, 400);

      for (let i = 0; i < 20; i++)
        assert.equal((await client.post('/apply/status', { receiptNo: 'WS2026999999', queryCode: 'X' }, { csrf: false })).statusCode, 403);
      assert.equal((await client.post('/apply/status', { receiptNo: 'WS2026999999', queryCode: 'X' })).statusCode, 429);
    });

    test('the agency column, its 指南, the home page and the navigation link to the form and the look-up', async () => {
      const client = clientOf(app);
      const column = await client.get(`/agencies/${chaqi}`);
      assert.ok(column.body.includes(`href="/apply?agency=${chaqi}"`));
      assert.ok(column.body.includes('href="/apply/status"'));
      const guide = await client.get(`/agencies/${chaqi}/guide`);
      assert.ok(guide.body.includes(`href="/apply?agency=${chaqi}"`));
      assert.ok(textOf(guide.body).includes('网上申请 在本平台 网上申请 页面填写并提交'));
      const home = await client.get('/');
      assert.ok(home.body.includes('<a href="/apply">网上申请</a>') && home.body.includes('<a href="/apply/status">申请查询</a>'));
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
