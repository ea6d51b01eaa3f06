/**
 * The statutory working-day calendar as data: the State Council's holiday notices year by
 * year. A year missing here is counted by weekends only and flagged as provisional; add its
 * notice (usually published in November or December of the year before) as a new entry.
 */
import { arrangements2019to2022 } from './arrangements-2019-2022.ts';
import { arrangements2023to2026 } from './arrangements-2023-2026.ts';
import type { YearArrangement } from './types.ts';

export const holidayArrangements: readonly YearArrangement[] = [...arrangements2019to2022, ...arrangements2023to2026];

export * from './labels.ts';
export * from './types.ts';
