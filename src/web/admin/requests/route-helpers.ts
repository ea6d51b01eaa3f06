/** What the request routes share: the messages after a redirect, the query-code cookie, a form's fields. */
import { caseActs } from '../../../law/request-workflow.ts';
import type { Form } from './act-runners.ts';

/** The query code of a case just registered travels to its page once, in a signed cookie. */
export const queryCodeCookie = 'gk_query_code';

/** What a redirect after an act says. */
export function doneMessage(done: string | undefined): string | undefined {
  if (!done) return undefined;
  if (done === 'registered') return '申请已登记，登记回执已生成。';
  if (done === 'confirmed') return '网上申请已确认登记，确认之日为收到申请之日。';
  if (done === 'setAside') return '该网上申请已不予登记。';
  if (done === 'appeal') return '已登记行政复议或行政诉讼。';
  if (done === 'concluded') return '已登记审结结果。';
  if (Object.hasOwn(caseActs, done)) return `已登记：${caseActs[done as keyof typeof caseActs].label}。`;
  return undefined;
}

/** The string fields of a posted form. */
export const formOf = (body: unknown): Form => {
  const out: Form = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
};
