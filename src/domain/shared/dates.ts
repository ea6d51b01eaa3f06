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

/** A timestamp (ISO 8601 with time) shown as the 政府网站发展指引 requires: YYYY-MM-DD HH:MM, in China time. */
export function portalDateTime(timestamp: string): string {
  const t = new Date(timestamp);
  const shifted = new Date(t.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar date of a timestamp in China time (UTC+8, no daylight saving). */
export function chinaDate(timestamp: string | Date): IsoDate {
  const t = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
  return new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
