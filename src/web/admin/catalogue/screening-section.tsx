/**
 * The screening results of a version, numbered 1…n: each hit in its context and how it
 * was settled; for the reviewer, the forms that settle it. Personal data is masked (one by
 * one, or all of a kind at once) or justified; a secrecy marking cannot be masked — the
 * reviewer returns the version or records its 解密, shown here with the decision.
 */
import type { FC } from 'hono/jsx';
import { isSettled } from '../../../domain/catalog/hits.ts';
import { hitResolutions, manualCheck } from '../../../law/catalogue-workflow.ts';
import { declassificationBasis, declassificationFields } from '../../../law/secrecy.ts';
import { hitKinds, isMarking, isMaskable, maskableKinds } from '../../../law/screening.ts';
import type { HitRow } from '../../../store/catalogue-versions.repo.ts';
import type { Form } from './content-fields.tsx';

const kindLabel = (kind: string) => (kind === manualCheck.kind ? manualCheck.label : (hitKinds[kind as 'email']?.label ?? kind));

const Highlighted: FC<{ context: string; value: string }> = ({ context, value }) => {
  const at = value ? context.indexOf(value) : -1;
  if (at < 0) return <span>{context}</span>;
  return (
    <span>
      {context.slice(0, at)}
      <mark>{value}</mark>
      {context.slice(at + value.length)}
    </span>
  );
};

/** A recorded 解密, as the version and approval pages show it. */
export const DeclassificationRecord: FC<{ hit: HitRow; names: ReadonlyMap<number, string> }> = ({ hit, names }) => (
  <span class="declassified">
    已解密，按原样公开：{declassificationFields.docNo.label} {hit.decl_doc_no}，{declassificationFields.date.label} {hit.decl_date}，
    {declassificationFields.authority.label} {hit.decl_authority}（依据{declassificationBasis(hit.decl_date ?? '')}）；
    {hit.resolved_by !== null ? `${names.get(hit.resolved_by) ?? ''}登记` : ''}
  </span>
);

const Status: FC<{ hit: HitRow; names: ReadonlyMap<number, string> }> = ({ hit, names }) => {
  if (hit.resolution === 'declassified') return <DeclassificationRecord hit={hit} names={names} />;
  if (!isSettled(hit)) {
    const stale = hit.resolution ? `（原处理“${hitResolutions[hit.resolution as 'redacted']?.label ?? hit.resolution}”已不适用）` : '';
    return <strong class="blocked">{isMarking(hit.kind) ? `未经解密，不得公开${stale}` : '待处理'}</strong>;
  }
  return (
    <span>
      {hitResolutions[hit.resolution as 'redacted']?.label}
      {hit.reason ? `：${hit.reason}` : ''}
    </span>
  );
};

const SettleForm: FC<{ hit: HitRow; csrf: string }> = ({ hit, csrf }) => (
  <form method="post" action={`/admin/hits/${hit.id}`} class="settle">
    <input type="hidden" name="_csrf" value={csrf} />
    <fieldset>
      <legend class="visually-hidden">处理第{hit.number}处</legend>
      {hit.kind === manualCheck.kind ? (
        ''
      ) : (
        <label>
          <input type="radio" name="resolution" value="redacted" checked={hit.resolution === 'redacted'} /> 遮蔽后公开
        </label>
      )}
      <label>
        <input type="radio" name="resolution" value="justified" checked={hit.resolution === 'justified'} /> 确认可以公开
      </label>
      <label>
        理由 <input name="reason" value={hit.reason ?? ''} />
      </label>
      <button type="submit" class="small">
        保存
      </button>
    </fieldset>
  </form>
);

/** The 解密 form of a marking; the one an error came back to carries the ids the error summary links to. */
const DeclassifyForm: FC<{ hit: HitRow; csrf: string; others: number; form?: Form | undefined }> = ({ hit, csrf, others, form }) => {
  const mine = form?.hit === String(hit.id);
  const id = (k: string) => (mine ? `field-declassification-${k}` : `decl-${hit.id}-${k}`);
  const value = (k: string) => (mine ? (form?.[k] ?? '') : '');
  return (
    <form method="post" action={`/admin/hits/${hit.id}/declassify`} class="settle declassify">
      <input type="hidden" name="_csrf" value={csrf} />
      <fieldset>
        <legend>第{hit.number}处不能遮蔽：未经解密的，请退回由编辑删除；已由原定密机关解密的，登记解密决定后按原样公开</legend>
        {(['docNo', 'date', 'authority'] as const).map((k) => (
          <div class="field">
            <label for={id(k)}>{declassificationFields[k].label}</label>
            <input id={id(k)} name={k} type={k === 'date' ? 'date' : 'text'} value={value(k)} maxlength={declassificationFields[k].max} required />
          </div>
        ))}
        {others > 0 ? (
          <label>
            <input type="checkbox" name="allMarkings" value="1" checked={mine && form?.allMarkings === '1'} /> 同一解密决定也适用于本件其余{others}
            处未解密的标识
          </label>
        ) : (
          ''
        )}
        <button type="submit" class="small">
          登记解密
        </button>
      </fieldset>
    </form>
  );
};

/** 全部遮蔽: one button per personal-data kind with two or more hits to settle. */
const SettleAll: FC<{ hits: readonly HitRow[]; csrf: string; versionId: number }> = ({ hits, csrf, versionId }) => {
  const open = maskableKinds.map((k) => [k, hits.filter((h) => h.kind === k && !isSettled(h)).length] as const).filter(([, n]) => n >= 2);
  if (open.length === 0) return null;
  return (
    <div class="settle-all">
      {open.map(([kind, n]) => (
        <form method="post" action={`/admin/versions/${versionId}/settle-all`} class="inline">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="kind" value={kind} />
          <button type="submit" class="small">
            全部遮蔽：{hitKinds[kind].label}（{n}处）
          </button>
        </form>
      ))}
    </div>
  );
};

export const ScreeningSection: FC<{
  hits: readonly HitRow[];
  names: ReadonlyMap<number, string>;
  mayReview: boolean;
  csrf: string;
  versionId: number;
  form?: Form | undefined;
}> = ({ hits, names, mayReview, csrf, versionId, form }) => {
  const open = hits.filter((h) => !isSettled(h));
  const markings = open.filter((h) => isMarking(h.kind));
  return (
    <section aria-labelledby="screening">
      <h2 id="screening">个人信息和涉密标识筛查</h2>
      {hits.length === 0 ? (
        <p class="ok">未发现身份证号码、电话号码、银行卡号、电子邮箱、个体工商户代码或密级标识。</p>
      ) : (
        <>
          <p>
            发现{hits.length}处，{open.length ? `${open.length}处待保密审查员处理` : '均已处理'}。个人信息遮蔽后公开的，门户网站上显示为遮蔽后的文字；
            密级或不得公开标识不是个人信息，不能遮蔽：须退回由编辑删除，或登记原定密机关的解密决定后按原样公开。
          </p>
          {markings.length ? <p class="blocked">含{markings.length}处未经解密的密级或不得公开标识：未经解密并准予公开的信息不得公开。</p> : ''}
          {mayReview ? <SettleAll hits={hits} csrf={csrf} versionId={versionId} /> : ''}
          <table class="list hits">
            <caption class="visually-hidden">筛查结果</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">类别</th>
                <th scope="col">位置</th>
                <th scope="col">上下文</th>
                <th scope="col">处理</th>
              </tr>
            </thead>
            <tbody>
              {hits.map((h) => (
                <tr id={`hit-${h.id}`}>
                  <td>第{h.number}处</td>
                  <td>{kindLabel(h.kind)}</td>
                  <td>{h.location}</td>
                  <td>
                    <Highlighted context={h.context} value={h.value} />
                  </td>
                  <td>
                    <Status hit={h} names={names} />
                    {mayReview && isMarking(h.kind) ? (
                      <DeclassifyForm hit={h} csrf={csrf} others={markings.filter((m) => m.id !== h.id).length} form={form} />
                    ) : (
                      ''
                    )}
                    {mayReview && (isMaskable(h.kind) || h.kind === manualCheck.kind) ? <SettleForm hit={h} csrf={csrf} /> : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
};
