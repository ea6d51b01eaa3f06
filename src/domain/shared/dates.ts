/** Calendar dates as ISO strings (YYYY-MM-DD): compared as strings, stored as text in both databases. */
export type IsoDate = string;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): value is IsoDate {
  const m = isoDate.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function yearStart(year: number): IsoDate {
  return `${year}-01-01`;
}
export function yearEnd(year: number): IsoDate {
  return `${year}-12-31`;
}

/** 2024年2月6日, the way official documents write a date. */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/*
 * China time (Asia/Shanghai, UTC+8, no daylight saving since 1991). Timestamps are stored as
 * ISO 8601 in UTC; every date or time shown to staff, applicants and auditors goes through
 * `chinaDate` or `portalDateTime`, so that who looks never changes the day. The guard test
 * test/china-time-source.test.ts keeps other formatting of moments out of src.
 */

/** A timestamp (ISO 8601 with time) shown as the 政府网站发展指引 requires: YYYY-MM-DD HH:MM, in China time. */
export function portalDateTime(timestamp: string): string {
  const t = new Date(timestamp);
  const shifted = new Date(t.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/** A timestamp as the JSON API gives it: ISO 8601 in China time with its offset, 2026-12-08T00:50:00+08:00. */
export function chinaTimestamp(timestamp: string | Date): string {
  const t = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
  return `${new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The calendar date of a timestamp in China time (UTC+8, no daylight saving). */
export function chinaDate(timestamp: string | Date): IsoDate {
  const t = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
  return new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The ISO date of an instant at UTC midnight: day arithmetic done in UTC (calendar/days.ts)
 * and a workbook's date cells, which hold a calendar date at UTC midnight. Never for a
 * moment in time: the date of a timestamp is `chinaDate`.
 */
export function utcMidnightDate(t: number | Date): IsoDate {
  return new Date(t).toISOString().slice(0, 10);
}

/** The instant a China calendar day begins, as a UTC ISO timestamp (what audit_events.occurred_at holds). */
export function chinaDayStart(date: IsoDate): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
