/** A case letter as a Word document: title, 文号, addressee, body, 落款 and date (GB/T 9704). */
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { letterDate, type LetterContent } from '../../domain/requests/letters.ts';
import { officialDocx } from '../official-page.ts';
import { bodyParagraph, bodySize, fonts, run, signatureParagraph, titleParagraph } from '../report/docx-text.ts';

const line = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({ alignment, spacing: { line: 560, lineRule: LineRuleType.EXACT }, children: [run(text, fonts.body, bodySize)] });

export async function renderLetterDocx(letter: LetterContent): Promise<Uint8Array> {
  const last = letter.paragraphs.length - 1;
  return officialDocx(letter.title, letter.signature, [
    titleParagraph(letter.title),
    line(letter.number, AlignmentType.CENTER),
    line(`${letter.addressee}：`, AlignmentType.LEFT),
    ...letter.paragraphs.map((p, i) => bodyParagraph(p, i === last)),
    signatureParagraph(letter.signature, true, false),
    signatureParagraph(letterDate(letter), false, true),
  ]);
}
