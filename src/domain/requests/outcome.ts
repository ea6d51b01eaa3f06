/**
 * The one table 三 row of an application that asked for several items (spec §1.7): some
 * disclosed and some not → （二）部分公开; all disclosed → （一）; nothing disclosed → the
 * strongest ground, （三） before （四） before （五） before （六）, and within a group the
 * row that comes first in the table. The UI shows this rule where the replies are chosen.
 */
import { outcomeCodeKeys, outcomeCodes, type OutcomeCode, type OutcomeGroup } from '../../law/outcome-codes.ts';

const disclosed = (c: OutcomeCode) => c === 'granted' || c === 'partiallyGranted';
const groupOrder: readonly OutcomeGroup[] = ['withheld', 'unableToProvide', 'notProcessed', 'otherDisposal'];

export function applicationOutcome(items: readonly OutcomeCode[]): OutcomeCode {
  if (items.length === 0) throw new RangeError('an application has at least one item');
  if (items.every((c) => c === 'granted')) return 'granted';
  if (items.some(disclosed)) return 'partiallyGranted';
  for (const group of groupOrder) {
    const inGroup = outcomeCodeKeys.filter((c) => outcomeCodes[c].group === group && items.includes(c));
    if (inGroup[0]) return inGroup[0];
  }
  throw new RangeError('unreachable: every outcome belongs to a group');
}

/** The rule in a sentence, for the reply form. */
export const applicationOutcomeRule =
  '一件申请包含多项内容的，按一件统计：各项均予以公开的，计入“予以公开”；部分予以公开、部分未予公开的，计入“部分公开”；均未予公开的，按“不予公开”“无法提供”“不予处理”“其他处理”的顺序取在前的一类，同一类中取表内靠前的一行。';
