/**
 * What every act form on the case page shares: the state of a form that came back, the
 * fields of each form, field props, messages that belong to no field, the section around a
 * form and the props the case's forms receive.
 */
import type { Child, FC } from 'hono/jsx';
import type { FeeQuote } from '../../../app/requests/acts.ts';
import type { LetterContent } from '../../../domain/requests/letters.ts';
import type { CaseView } from '../../../domain/requests/case.ts';
import type { DeliveryMethod } from '../../../law/delivery.ts';
import type { LetterPlaceholder } from '../../../law/letters.ts';
import type { OutcomeCode } from '../../../law/outcome-codes.ts';
import type { FormValues } from '../../views/application-fields.tsx';
import type { FormAct } from './available-acts.ts';

export interface ActFormState {
  /** The act (or `appeal`, `conclude-<id>`) whose form came back. */
  act: string;
  values: FormValues;
  errors: readonly { field: string; message: string }[];
}

/** The delivery fields of a form whose act sends a letter (DeliveryFields). */
const delivery = ['deliveryMethod', 'deliveredOn'] as const;

/** The fields of each form; an error about anything else is shown above the form. */
export const actFields: Record<FormAct | 'signOff' | 'appeal' | 'conclude' | 'letter', readonly string[]> = {
  assigned: ['on', 'handlerId'],
  correctionReceived: ['on', 'note'],
  correctionLapsed: ['on', ...delivery],
  thirdPartyConsulted: ['on', 'party', ...delivery],
  thirdPartyAnswered: ['on', 'opinion', 'note'],
  agencyConsulted: ['on', 'agency', ...delivery],
  agencyAnswered: ['on', 'opinion', 'note'],
  reasonsRequested: ['on', 'due', ...delivery],
  reasonsAssessed: ['on', 'reasonable', 'delayedDue', 'note'],
  feePaid: ['on', 'receiptNote'],
  feeLapsed: ['on', ...delivery],
  disclosureDecided: ['on', 'content', 'reason', ...delivery],
  withdrawn: ['on', 'reason'],
  delivered: ['on', 'method', 'proof'],
  archived: ['on'],
  correctionRequested: ['on', 'items', 'workingDays', 'periodReason', 'lateReason', ...delivery],
  extensionProposed: ['on', 'workingDays', 'reason'],
  extensionReturned: ['on', 'reason'],
  extended: ['on', 'workingDays', 'reason', ...delivery],
  replyReturned: ['on', 'reason'],
  signOff: ['on'],
  feeNoticed: ['on', 'scheme', 'quantity', 'paymentMethod', ...delivery],
  replied: ['on', 'items'],
  appeal: ['track', 'caseNo', 'body', 'filedDate'],
  conclude: ['concludedDate', 'outcome', 'reason'],
  letter: ['on', 'method', 'proof'],
};

/** Where an error summary links to: the field, or the form's own message for anything else. */
export function summaryField(act: string, field: string): string {
  const fields = actFields[(act.startsWith('conclude-') ? 'conclude' : act.startsWith('letter-') ? 'letter' : act) as keyof typeof actFields] ?? [];
  return fields.some((f) => field === f || field.startsWith(`${f}[`)) ? `${act}-${field}` : `${act}-state`;
}

export const opinionLabels = { consents: '同意公开', objects: '不同意公开', none: '逾期未提出意见' } as const;

/** Field props for `name` in the form of `act`: its id, the typed value (or `fallback`), its message. */
export function fieldOf(state: ActFormState | undefined, act: string) {
  const mine = state?.act === act;
  const messages = new Map<string, string>();
  if (mine) for (const e of state.errors) if (!messages.has(e.field)) messages.set(e.field, e.message);
  return (name: string, fallback = '') => ({
    id: `field-${act}-${name}`.replace(/\./g, '-'),
    name,
    value: mine ? (state.values[name] ?? '') : fallback,
    error: messages.get(name),
  });
}

/** Messages of `act` that belong to no field of its form (the case's state, the act itself). */
export function generalMessages(state: ActFormState | undefined, act: string, fields: readonly string[]): string[] {
  if (state?.act !== act) return [];
  return state.errors.filter((e) => !fields.some((f) => e.field === f || e.field.startsWith(`${f}[`) || e.field.startsWith(`${f}.`))).map((e) => e.message);
}

export const ActSection: FC<{
  act: string;
  title: string;
  basis: string;
  action: string;
  csrf: string;
  state?: ActFormState;
  fields: readonly string[];
  submit: string;
  intro?: Child;
  children?: Child;
}> = ({ act, title, basis, action, csrf, state, fields, submit, intro, children }) => {
  const general = generalMessages(state, act, fields);
  return (
    <section class="act" id={`act-${act}`} aria-labelledby={`act-${act}-title`}>
      <h3 id={`act-${act}-title`}>
        {title}
        <span class="basis">（{basis}）</span>
      </h3>
      {intro ?? ''}
      {general.length ? (
        <p class="field-error" id={`field-${act}-state`}>
          {general.join('；')}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={action} class="form">
        <input type="hidden" name="_csrf" value={csrf} />
        {children}
        <button type="submit">{submit}</button>
      </form>
    </section>
  );
};

export interface CaseFormsProps {
  caseId: number;
  csrf: string;
  today: string;
  view: CaseView;
  acts: readonly FormAct[];
  state?: ActFormState;
  staff: readonly { id: number; name: string }[];
  items: readonly { seq: number; description: string }[];
  /** The county's default 补正期限 in working days. */
  correctionDefaultDays: number;
  /** How letters to the applicant go by default: the way the applicant asked to get information. */
  deliveryDefault: DeliveryMethod;
  quote?: { scheme: string; quantity: string; result?: FeeQuote; errors?: Partial<Record<string, string>> };
  replyPreview?: { outcome: OutcomeCode | null };
  replyDefaults: Partial<Record<LetterPlaceholder, string>>;
  /** The viewer signs off (the head of the disclosure office); the agency's policy. */
  signOff: { mayApprove: boolean; grants: boolean };
  /** The pending draft's letter as it would be issued. */
  draftLetter: LetterContent | null;
}
