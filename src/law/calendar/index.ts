/**
 * The statutory working-day calendar as data: the State Council's holiday notices year by
 * year, and the statutory holidays of 《全国年节及纪念日放假办法》 (statutory.ts). A year
 * missing here counts those holidays and weekends and is flagged as provisional; its notice
 * (usually published in November or December of the year before) is entered as data by a
 * platform administrator on the calendar screen, or added here as a new entry in a release.
 */
import { arrangements2019to2022 } from './arrangements-2019-2022.ts';
import { arrangements2023to2026 } from './arrangements-2023-2026.ts';
import type { YearArrangement } from './types.ts';

export const holidayArrangements: readonly YearArrangement[] = [...arrangements2019to2022, ...arrangements2023to2026];

export * from './labels.ts';
export * from './types.ts';
export * from './statutory.ts';
