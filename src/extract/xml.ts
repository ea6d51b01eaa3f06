/**
 * A small XML tokenizer for the parts of DOCX and XLSX files: enough to walk elements and
 * text with their offsets, so text can be rewritten in place without re-serializing.
 */

export type Token =
  | { kind: 'open' | 'empty'; name: string; attrs: string; from: number; to: number }
  | { kind: 'close'; name: string; from: number; to: number }
  | { kind: 'text'; raw: string; from: number; to: number };

const pattern =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+/g;

export function* tokens(xml: string): Generator<Token> {
  for (const m of xml.matchAll(pattern)) {
    const from = m.index ?? 0;
    const to = from + m[0].length;
    const name = m[2];
    if (name === undefined) {
      if (m[0].startsWith('<![CDATA[')) yield { kind: 'text', raw: escapeXml(m[0].slice(9, -3)), from, to };
      else if (!m[0].startsWith('<')) yield { kind: 'text', raw: m[0], from, to };
    } else if (m[1]) yield { kind: 'close', name, from, to };
    else yield { kind: m[4] ? 'empty' : 'open', name, attrs: m[3] ?? '', from, to };
  }
}

export function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : null;
}

export function unescapeXml(raw: string): string {
  return raw.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (all, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Replaces [from, to) ranges (non-overlapping) of `text` in one pass. */
export function splice(text: string, edits: readonly { from: number; to: number; text: string }[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.from - b.from)) {
    out += text.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + text.slice(at);
}
