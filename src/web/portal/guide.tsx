/**
 * An agency's 政府信息公开指南, generated from its data with the contents 条例 第十二条
 * requires (分类, 编排体系, 获取方式, the 工作机构 and its contacts), and how to apply
 * (第二十七至三十三条) and seek redress (第五十一条).
 */
import type { Child, FC } from 'hono/jsx';
import type { Agency } from '../../domain/agencies/agency.ts';
import { indexNumberPrefix } from '../../domain/agencies/agency.ts';
import { indexNumber } from '../../domain/catalog/version.ts';
import { catalogueCategories, reportedCategoryKeys, type CategoryKey } from '../../law/catalogue-categories.ts';
import { receiptChannels } from '../../law/receipt-channels.ts';
import { reportDeadlines } from '../../law/report-format/deadlines.ts';
import { article20Items, article21TownItems } from '../../law/statutory-items.ts';
import { remedyRegimeOn } from '../../law/remedies.ts';
import { timeLimits } from '../../law/time-limits.ts';
import { contactKeys, contactLabels, type AgencyContacts } from '../../app/agencies/contacts.ts';

const wd = (limit: { workingDays: number }) => `${limit.workingDays}个工作日`;
const basis = (limit: { basis: string }) => `（${limit.basis.replace(/^条例/, '《条例》')}）`;

/** The channels an application can be sent by, as the agency's contacts allow, with the day that counts as 收到申请之日. */
function applyChannels(c: AgencyContacts): { label: string; how: Child; receiptDay: string }[] {
  const rows: { label: string; how: Child; receiptDay: string }[] = [];
  if (c.officeAddress) {
    rows.push({
      label: receiptChannels.inPerson.label,
      how: `到${c.officeName || '本机关'}（${c.officeAddress}）提交${c.officeHours ? `，办公时间：${c.officeHours}` : ''}`,
      receiptDay: receiptChannels.inPerson.receiptDay,
    });
    const to = `寄至${c.officeAddress}${c.officeName ? `${c.officeName}` : ''}${c.postcode ? `（邮政编码${c.postcode}）` : ''}，请在信封左下角注明“政府信息公开申请”`;
    rows.push({ label: receiptChannels.registeredPost.label, how: to, receiptDay: receiptChannels.registeredPost.receiptDay });
    rows.push({ label: receiptChannels.ordinaryPost.label, how: '地址同上', receiptDay: receiptChannels.ordinaryPost.receiptDay });
  }
  if (c.officeFax) rows.push({ label: receiptChannels.fax.label, how: `传真至${c.officeFax}，并电话确认`, receiptDay: receiptChannels.fax.receiptDay });
  if (c.officeEmail)
    rows.push({
      label: receiptChannels.email.label,
      how: `发送至${c.officeEmail}，邮件主题注明“政府信息公开申请”`,
      receiptDay: receiptChannels.email.receiptDay,
    });
  return rows;
}

/** How to apply to the agency, from its contacts (the column page and the 指南 show it). */
export const ApplyInfo: FC<{ agency: Agency; contacts: AgencyContacts; headingLevel?: 3 | 4 }> = ({ agency, contacts, headingLevel = 3 }) => {
  // The 指南 (level 4) states every time limit in its own list.
  const offline = applyChannels(contacts);
  const online = {
    label: receiptChannels.online.label,
    how: (
      <>
        在本平台<a href={`/apply?agency=${agency.id}`}>网上申请</a>页面填写并提交，凭提交后取得的申请编号和查询码在<a href="/apply/status">申请查询</a>
        页面查看办理进度和答复文书
      </>
    ),
    receiptDay: receiptChannels.online.receiptDay,
  };
  const rows = [online, ...offline];
  const Heading = ({ id, children }: { id: string; children: string }) => (headingLevel === 3 ? <h3 id={id}>{children}</h3> : <h4 id={id}>{children}</h4>);
  return (
    <div class="apply-info">
      <p>
        公民、法人或者其他组织可以向{agency.name}
        申请获取相关政府信息。申请应当采用包括信件、数据电文在内的书面形式，写明申请人的姓名或者名称、身份证明、联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式、途径；采用书面形式确有困难的，可以口头提出，由政府信息公开工作机构代为填写申请。
      </p>
      <Heading id={`apply-channels-${headingLevel}`}>提出申请的方式</Heading>
      {offline.length ? '' : <p>本单位尚未登记受理申请的地址，需要当面或者邮寄提交的，请向上级人民政府办公室咨询。</p>}
      <table class="list">
        <caption class="visually-hidden">提出申请的方式及收到申请之日</caption>
        <thead>
          <tr>
            <th scope="col">方式</th>
            <th scope="col">办法</th>
            <th scope="col">收到申请之日</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td>{r.how}</td>
              <td>{r.receiptDay}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {contacts.officePhone ? <p>咨询电话：{contacts.officePhone}</p> : ''}
      {headingLevel === 3 ? (
        <p>
          本机关自收到申请之日起{wd(timeLimits.reply)}内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过
          {wd(timeLimits.extension)}
          {basis(timeLimits.reply)}。
        </p>
      ) : (
        ''
      )}
    </div>
  );
};

export const ContactList: FC<{ contacts: AgencyContacts; portalUrl: string }> = ({ contacts, portalUrl }) => (
  <dl class="contacts">
    {contactKeys.map((k) => (
      <div>
        <dt>{k === 'officeName' ? '名称' : contactLabels[k]}</dt>
        <dd>{contacts[k] || '（未登记）'}</dd>
      </div>
    ))}
    <div>
      <dt>互联网联系方式</dt>
      <dd>
        <a href={portalUrl}>{portalUrl}</a>
      </dd>
    </div>
  </dl>
);

export interface GuideData {
  agency: Agency;
  /** The agency above (复议机关 and the body to complain to), null for the county government. */
  parent: Agency | null;
  /** The 政府信息公开工作主管部门 of the county: the county government office. */
  supervisor: string;
  contacts: AgencyContacts;
  counts: ReadonlyMap<string, number>;
  /** Absolute address of the agency's column. */
  columnUrl: string;
  siteName: string;
  year: string;
  /** Today in China time: the remedies in force are the ones the 指南 explains. */
  today: string;
}

/** 五、监督和救济: the routes of the law in force today, by kind of decision (src/law/remedies.ts). */
const Remedies: FC<{ today: string; body: string }> = ({ today, body }) => {
  const fill = (t: string) => t.replaceAll('{reconsiderationBody}', body);
  return (
    <>
      {remedyRegimeOn(today).guide.map((entry) => (
        <>
          {entry.lead ? <p>{entry.lead}</p> : ''}
          <ul>
            {entry.routes.map((r) => (
              <li>{fill(r)}</li>
            ))}
          </ul>
        </>
      ))}
    </>
  );
};

const topLevel: readonly CategoryKey[] = ['guide', 'rules', 'statutory', 'annualReports'];

export const Guide: FC<{ g: GuideData }> = ({ g }) => {
  const { agency, contacts } = g;
  const prefix = indexNumberPrefix(agency.code);
  const upper = g.parent?.name ?? '上一级人民政府';
  return (
    <article class="guide">
      <h1>{agency.name}政府信息公开指南</h1>
      <p>
        为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。公民、法人和其他组织可以通过本指南了解
        {agency.name}
        政府信息的分类、编排体系和获取方式，政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和互联网联系方式，以及监督和救济途径。本指南根据本平台登记的信息生成，信息变更后随即更新。
      </p>

      <section aria-labelledby="g-classes">
        <h2 id="g-classes">一、政府信息的分类</h2>
        <p>本机关主动公开的政府信息分为以下栏目：</p>
        <ol>
          {topLevel.map((k) => (
            <li>
              {catalogueCategories[k].label}
              {k === 'statutory' ? (
                <ul>
                  {reportedCategoryKeys.map((c) => (
                    <li>
                      {catalogueCategories[c].label}（已公开{g.counts.get(c) ?? 0}条）
                    </li>
                  ))}
                </ul>
              ) : k === 'annualReports' ? (
                `（每年${reportDeadlines[agency.kind].month}月${reportDeadlines[agency.kind].day}日前公布上一年度的政府信息公开工作年度报告，《条例》第四十九条）`
              ) : (
                `（已公开${g.counts.get(k) ?? 0}条）`
              )}
            </li>
          ))}
        </ol>
        <p>法定主动公开内容包括《条例》第二十条规定的下列政府信息：</p>
        <ul class="statutory-items">
          {Object.values(article20Items).map((label) => (
            <li>{label}</li>
          ))}
        </ul>
        {agency.kind === 'town' ? (
          <p>本机关还根据本地实际，依照《条例》第二十一条主动公开{Object.values(article21TownItems).join('、')}等方面的政府信息。</p>
        ) : (
          ''
        )}
        <p>本机关不予公开的政府信息，依照《条例》第十四条、第十五条、第十六条确定。</p>
      </section>

      <section aria-labelledby="g-arrangement">
        <h2 id="g-arrangement">二、政府信息的编排体系</h2>
        <p>
          本机关的政府信息按上述栏目编排，各栏目内按公开日期由近及远排列，并可按主题分类（国务院政策文件库两级主题分类）和公开年度筛选。每条政府信息标注索引号、名称、内容概述、生成日期，以及发布机构、公开日期、公开方式和公开范围；有文号的标注文号和成文日期；规章和行政规范性文件标注有效性及其变更情况。信息更正的，页面列明各版本的公开时间和更正理由。
        </p>
        <p>
          索引号由本机关代码、公开年度和五位顺序号组成，例如 <code>{indexNumber(prefix, g.year, 1)}</code>，一经赋予不再变更。
        </p>
      </section>

      <section aria-labelledby="g-obtain">
        <h2 id="g-obtain">三、政府信息的获取方式</h2>
        <h3 id="g-proactive">（一）主动公开</h3>
        <ol>
          <li>
            本机关主动公开的政府信息在{g.siteName}政府信息公开平台统一发布：<a href={g.columnUrl}>{g.columnUrl}</a>
            。平台提供检索、查阅和下载（《条例》第二十四条），并提供本机关及各栏目的 Atom 信息订阅。
          </li>
          <li>
            属于主动公开范围的政府信息，自该政府信息形成或者变更之日起{wd(timeLimits.proactivePublication)}内予以公开{basis(timeLimits.proactivePublication)}。
          </li>
          {contacts.officeAddress ? <li>公众可以在办公时间到本机关政府信息公开工作机构（{contacts.officeAddress}）查阅本机关主动公开的政府信息。</li> : ''}
        </ol>
        <h3 id="g-apply">（二）依申请公开</h3>
        <ApplyInfo agency={agency} contacts={contacts} headingLevel={4} />
        <h4 id="g-limits">办理时限和费用</h4>
        <ul>
          <li>
            申请内容不明确的，本机关自收到申请之日起{wd(timeLimits.correctionNotice)}内一次性告知申请人作出补正{basis(timeLimits.correctionNotice)}
            ；答复期限自收到补正的申请之日起计算。
          </li>
          <li>
            能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起{wd(timeLimits.reply)}内予以答复，延长答复期限最长不超过{wd(timeLimits.extension)}
            {basis(timeLimits.extension)}。
          </li>
          <li>
            公开可能损害第三方合法权益的，书面征求第三方意见，第三方自收到征求意见书之日起{wd(timeLimits.thirdPartyOpinion)}内提出意见
            {basis(timeLimits.thirdPartyOpinion)}；需要征求其他机关意见的，被征求意见机关自收到征求意见书之日起{wd(timeLimits.otherAgencyOpinion)}内提出意见
            {basis(timeLimits.otherAgencyOpinion)}。征求意见所需时间不计算在答复期限内。
          </li>
          <li>工作日不含法定节假日，按国务院办公厅公布的节假日安排（含调休）计算；期限自收到申请的次日起算。</li>
          <li>
            本机关依申请提供政府信息，不收取费用；申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》收取信息处理费（《条例》第四十二条），缴费期限为收到收费通知次日起
            {wd(timeLimits.feePayment)}
            {basis(timeLimits.feePayment)}。
          </li>
        </ul>
      </section>

      <section aria-labelledby="g-office">
        <h2 id="g-office">四、政府信息公开工作机构</h2>
        <ContactList contacts={contacts} portalUrl={g.columnUrl} />
      </section>

      <section aria-labelledby="g-redress">
        <h2 id="g-redress">五、监督和救济</h2>
        <p>
          公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向{upper}或者
          {g.parent ? `${g.supervisor}（本县政府信息公开工作主管部门）` : '其政府信息公开工作主管部门'}
          投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
        </p>
        <p>
          认为行政机关未按照要求主动公开政府信息、或者对政府信息公开申请不依法答复处理的，可以在本平台
          <a href={`/complaints?agency=${agency.id}`}>在线投诉、举报</a>（《条例》第四十七条）；投诉请留下姓名和联系电话，举报可以匿名。
        </p>
        <p>
          有证据证明本机关提供的与其自身相关的政府信息记录不准确的，可以要求本机关更正（《条例》第四十一条）；不属于本机关职能范围的，本机关转送有权更正的行政机关处理并告知申请人，或者告知申请人向有权更正的行政机关提出。
        </p>
        <Remedies today={g.today} body={upper} />
      </section>
    </article>
  );
};
