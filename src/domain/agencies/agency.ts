/** Administrative bodies on the platform, their codes and their tree. */
import type { AgencyKind } from '../../law/agency-kinds.ts';
import { agencyKinds } from '../../law/agency-kinds.ts';

export interface Agency {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string;
  kind: AgencyKind;
  /** 统一社会信用代码, 组织机构代码 or the portal's own code: the front part of every 索引号. */
  code: string;
  mayMakeRules: boolean;
  /** First year whose records are kept on the platform; earlier reports cannot be computed. */
  recordsFrom: number;
}

const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a 统一社会信用代码 (GB 32100-2015) from its first 17 characters. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = usccAlphabet.indexOf(first17[i] ?? '?');
    if (v < 0) return null;
    sum += v * (usccWeights[i] ?? 0);
  }
  return usccAlphabet[(31 - (sum % 31)) % 31] ?? null;
}

const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of a 组织机构代码 (GB 11714-1997) from its first 8 characters. */
export function organizationCodeCheckChar(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i] ?? '?';
    const v = /[0-9]/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * (orgWeights[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

export type AgencyCodeKind = 'uscc' | 'organization' | 'portal';

/**
 * Classifies an agency code. 18 characters must be a valid 统一社会信用代码, 9 (or
 * 8+hyphen+1) a valid 组织机构代码; other codes (4-20 letters, digits or hyphens) are
 * accepted as a code the portal assigned, as real county portals use them (the seed's
 * 006382564L).
 */
export function classifyAgencyCode(code: string): { kind: AgencyCodeKind } | { error: string } {
  if (!/^[0-9A-Z-]{4,20}$/.test(code)) return { error: '单位代码只能由4至20位数字、大写字母或连字符组成' };
  if (code.length === 18) {
    return usccCheckChar(code.slice(0, 17)) === code[17] ? { kind: 'uscc' } : { error: `统一社会信用代码 ${code} 的校验位不正确` };
  }
  const org = code.replace('-', '');
  if (org.length === 9 && (code.length === 9 || code[8] === '-')) {
    return organizationCodeCheckChar(org.slice(0, 8)) === org[8] ? { kind: 'organization' } : { error: `组织机构代码 ${code} 的校验位不正确` };
  }
  return { kind: 'portal' };
}

/** The 前段码 of a 索引号: the code without its hyphen (spec §4.2). */
export function indexNumberPrefix(code: string): string {
  return code.replace(/-/g, '');
}

/** How a report refers to its own agency: 我镇, 我乡, 我局 … */
export function selfReference(agency: Pick<Agency, 'name' | 'kind'>): string {
  if (agency.kind === 'town') {
    if (agency.name.includes('街道')) return '我街道';
    return /乡人民政府$|乡$/.test(agency.name) ? '我乡' : '我镇';
  }
  if (agency.kind === 'countyGovernment') return agencyKinds.countyGovernment.selfReference;
  const m = /(局|委员会|委|办公室|办|中心|院)$/.exec(agency.name);
  if (!m) return agencyKinds.department.selfReference;
  const suffix = m[1] === '委员会' ? '委' : m[1] === '办公室' ? '办' : m[1];
  return `我${suffix}`;
}

/** The agency and every agency below it, for county-level supervision. */
export function subtreeIds(agencies: readonly Pick<Agency, 'id' | 'parentId'>[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of agencies) {
      if (a.parentId !== null && ids.has(a.parentId) && !ids.has(a.id)) {
        ids.add(a.id);
        grew = true;
      }
    }
  }
  return ids;
}
