/**
 * Fonts, sizes and paragraph builders for the DOCX report, after GB/T 9704 (党政机关公文格式).
 * Sizes in docx are half-points; spacing and indents are twips (1/20 pt).
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';

export const fonts = {
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体_GB2312',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
} as const;

/** 三号 (16 pt) body text on a fixed 28 pt line; 2 characters of 三号 is 32 pt. */
export const bodySize = 32;
const bodyLine = 560;
const twoChars = 640;

export function run(text: string, font: string, size: number): TextRun {
  // zh-CN tells the layout engine to use Simplified Chinese glyph forms.
  return new TextRun({ text, size, font: { eastAsia: font, ascii: font, hAnsi: font }, language: { eastAsia: 'zh-CN' } });
}

export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 720, lineRule: LineRuleType.EXACT, after: bodyLine },
    children: [run(text, fonts.title, 44)],
  });
}

/** 一、… headings in 黑体, kept on the page of what follows; half a line of air after a table. */
export function headingParagraph(text: string, { afterTable = false } = {}): Paragraph {
  return new Paragraph({
    keepNext: true,
    indent: { firstLine: twoChars, firstLineChars: 200 },
    spacing: { line: bodyLine, lineRule: LineRuleType.EXACT, ...(afterTable ? { before: bodyLine / 2 } : {}) },
    children: [run(text, fonts.heading, bodySize)],
  });
}

/** （一）… at the head of a short paragraph is a sub-heading in the staff's text. */
const subheadingPattern = /^（[一二三四五六七八九十]+）/;
export function isSubheading(text: string): boolean {
  return subheadingPattern.test(text) && text.length <= 30 && !text.slice(0, -1).includes('。');
}

/** `keepNext` keeps the last paragraph with the signature, which must not stand alone on a page. */
export function bodyParagraph(text: string, keepNext = false): Paragraph {
  const sub = isSubheading(text);
  return new Paragraph({
    keepNext: sub || keepNext,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twoChars, firstLineChars: 200 },
    spacing: { line: bodyLine, lineRule: LineRuleType.EXACT },
    children: [run(text, sub ? fonts.subheading : fonts.body, bodySize)],
  });
}

/** 落款: right-aligned, two characters in from the margin, its lines kept together. */
export function signatureParagraph(text: string, first: boolean, last: boolean): Paragraph {
  return new Paragraph({
    keepNext: !last,
    alignment: AlignmentType.RIGHT,
    indent: { right: twoChars },
    spacing: { line: bodyLine, lineRule: LineRuleType.EXACT, ...(first ? { before: bodyLine * 2 } : {}) },
    children: [run(text, fonts.body, bodySize)],
  });
}
