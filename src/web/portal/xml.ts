/** Atom feeds (RFC 4287) and sitemaps (sitemaps.org 0.9) as text. */

/** Text for XML: the five special characters escaped, characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  /** ISO timestamps. */
  updated: string;
  published: string;
  summary: string;
  author: string;
  category: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  selfUrl: string;
  htmlUrl: string;
  updated: string;
  author: string;
  entries: readonly AtomEntry[];
}

export function atomXml(f: AtomFeed): string {
  const entries = f.entries.map(
    (e) => `  <entry>
    <id>${xmlText(e.id)}</id>
    <title type="text">${xmlText(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>
    <published>${xmlText(e.published)}</published>
    <updated>${xmlText(e.updated)}</updated>
    <author><name>${xmlText(e.author)}</name></author>
    <category term="${xmlText(e.category)}"/>
    <summary type="text">${xmlText(e.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xmlText(f.id)}</id>
  <title type="text">${xmlText(f.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlText(f.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(f.htmlUrl)}"/>
  <updated>${xmlText(f.updated)}</updated>
  <author><name>${xmlText(f.author)}</name></author>
${entries.join('')}</feed>
`;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string | null | undefined;
}

export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const body = urls.map((u) => `  <url><loc>${xmlText(u.loc)}</loc>${u.lastmod ? `<lastmod>${xmlText(u.lastmod)}</lastmod>` : ''}</url>\n`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</urlset>\n`;
}

export function sitemapIndexXml(locs: readonly string[]): string {
  const body = locs.map((l) => `  <sitemap><loc>${xmlText(l)}</loc></sitemap>\n`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</sitemapindex>\n`;
}

/**
 * How a sitemap is split: one file when everything fits, otherwise an index of files
 * of at most `perFile` URLs each, the site's pages first, then the items by id.
 */
export function sitemapFiles(pages: number, items: number, perFile: number): { single: true } | { single: false; files: string[] } {
  if (pages + items <= perFile) return { single: true };
  const files: string[] = [];
  for (let n = 1; n <= Math.ceil(pages / perFile); n++) files.push(`pages-${n}.xml`);
  for (let n = 1; n <= Math.ceil(items / perFile); n++) files.push(`items-${n}.xml`);
  return { single: false, files };
}
