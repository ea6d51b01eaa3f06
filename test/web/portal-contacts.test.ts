/** The contacts the 指南 publishes: who may set them, how bad input is named, the audit event, the portal showing them. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { checkContacts } from '../../src/app/agencies/contacts.ts';
import { eventsFor } from '../../src/store/events.repo.ts';
import { getAgencyContacts } from '../../src/store/portal.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

const good = {
  officeName: '插旗镇人民政府党政综合办公室',
  officeAddress: '湖南省岳阳市华容县插旗镇新街1号',
  officeHours: '工作日上午8:30—12:00，下午14:30—17:30',
  officePhone: '0730 4681099、13907300000',
  officeFax: '',
  officeEmail: 'CQZ@huarong.gov.cn',
  postcode: '４１４２１１',
};

test('contact fields are checked and normalised', () => {
  const { value, errors } = checkContacts(good);
  assert.deepEqual(errors, []);
  assert.equal(value.officePhone, '07304681099、13907300000');
  assert.equal(value.officeEmail, 'cqz@huarong.gov.cn');
  assert.equal(value.postcode, '414211');
  const bad = checkContacts({ ...good, officeName: '', officePhone: '4681', officeFax: 'fax', officeEmail: 'a@b', postcode: '41421', officeHours: '' });
  assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['officeEmail', 'officeFax', 'officeHours', 'officeName', 'officePhone', 'postcode']);
});

eachDialect(
  'the 指南 contacts form',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    let zhanghua: number;
    before(async () => {
      app = await testApp(get().ctx);
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
      zhanghua = (await resolveAgency(get().ctx, '章华镇')).id;
    });
    after(async () => app.close());

    test('a platform administrator reaches every agency’s form from 单位管理; bad input names the field and saves nothing', async () => {
      const c = new Client(app);
      await c.login('platform-admin');
      const list = await c.get('/admin/agencies');
      assert.ok(list.body.includes(`href="/admin/agencies/${zhanghua}/contacts"`));
      const form = await c.get(`/admin/agencies/${zhanghua}/contacts`);
      assert.equal(form.statusCode, 200);
      assert.ok(form.body.includes('value="章华镇人民政府党政综合办公室"'));
      const before = await getAgencyContacts(get().ctx.db, zhanghua);
      const bad = await c.post(`/admin/agencies/${zhanghua}/contacts`, { ...good, postcode: '4142', officePhone: '电话', officeEmail: 'not-an-email' });
      assert.equal(bad.statusCode, 400);
      const text = textOf(bad.body);
      assert.ok(text.includes('“邮政编码”应为6位数字'));
      assert.ok(text.includes('“联系电话”应为带区号的固定电话或手机号码'));
      assert.ok(text.includes('“电子邮箱”格式不正确'));
      for (const f of ['postcode', 'officePhone', 'officeEmail']) assert.ok(bad.body.includes(`href="#field-${f}"`) && bad.body.includes(`id="field-${f}"`), f);
      assert.ok(bad.body.includes('value="not-an-email"'), 'the form keeps what was typed');
      assert.deepEqual(await getAgencyContacts(get().ctx.db, zhanghua), before);
    });

    test("an agency administrator sets the own agency's contacts; the change is audited and the 指南 shows it", async () => {
      const c = new Client(app);
      await c.login('chaqi-agency-admin');
      assert.equal((await c.get(`/admin/agencies/${chaqi}/contacts`)).statusCode, 200);
      const saved = await c.post(`/admin/agencies/${chaqi}/contacts`, good);
      assert.equal(saved.statusCode, 200);
      assert.ok(textOf(saved.body).includes('已保存'));
      const stored = await getAgencyContacts(get().ctx.db, chaqi);
      assert.equal(stored?.officeAddress, '湖南省岳阳市华容县插旗镇新街1号');
      assert.equal(stored?.officeFax, '');
      const events = (await eventsFor(get().ctx.db, 'agency', chaqi)).filter((e) => e.action === 'agency.contactsChanged');
      assert.equal(events.length, 1);
      const payload = JSON.parse(events[0]!.payload);
      assert.deepEqual(payload.officeFax, { from: '0730-4681003', to: '' });
      assert.ok(!('officeName' in payload), 'only what changed');
      const guide = textOf((await new Client(app).get(`/agencies/${chaqi}/guide`)).body);
      assert.ok(guide.includes('办公地址 湖南省岳阳市华容县插旗镇新街1号'));
      assert.ok(guide.includes('联系电话 07304681099、13907300000'));
      assert.ok(guide.includes('传真 （未登记）'));
      const column = textOf((await new Client(app).get(`/agencies/${chaqi}`)).body);
      assert.ok(!column.includes('传真至'), 'no fax channel without a fax number');
      await c.post(`/admin/agencies/${chaqi}/contacts`, good);
      assert.equal(
        (await eventsFor(get().ctx.db, 'agency', chaqi)).filter((e) => e.action === 'agency.contactsChanged').length,
        1,
        'saving the same values changes nothing',
      );
    });

    test('no one else may: another agency’s administrator, an editor, a visitor, a forged form', async () => {
      const admin = new Client(app);
      await admin.login('chaqi-agency-admin');
      assert.equal((await admin.get(`/admin/agencies/${zhanghua}/contacts`)).statusCode, 403);
      assert.equal((await admin.post(`/admin/agencies/${zhanghua}/contacts`, good)).statusCode, 403);
      assert.equal((await admin.post(`/admin/agencies/${chaqi}/contacts`, good, { csrf: false })).statusCode, 403);
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      assert.equal((await editor.get(`/admin/agencies/${chaqi}/contacts`)).statusCode, 403);
      assert.equal((await editor.post(`/admin/agencies/${chaqi}/contacts`, { ...good, officeAddress: '别处' })).statusCode, 403);
      const visitor = await new Client(app).get(`/admin/agencies/${chaqi}/contacts`);
      assert.equal(visitor.statusCode, 303);
      assert.notEqual((await getAgencyContacts(get().ctx.db, chaqi))?.officeAddress, '别处');
      assert.equal((await admin.get('/admin/agencies/999999/contacts')).statusCode, 404);
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
