/**
 * A case letter as HTML, for the staff case page and the applicant's status page: the
 * letter as issued, escaped by hono/jsx.
 */
import type { FC } from 'hono/jsx';
import { letterDate, type LetterContent } from '../../domain/requests/letters.ts';

export const LetterView: FC<{ letter: LetterContent; id?: string }> = ({ letter, id }) => (
  <article class="letter" {...(id ? { id } : {})} aria-label={letter.title}>
    <h2 class="letter-title">{letter.title}</h2>
    <p class="letter-number">{letter.number}</p>
    <p class="letter-addressee">{letter.addressee}：</p>
    {letter.paragraphs.map((p) => (
      <p class="letter-body">{p}</p>
    ))}
    <p class="letter-signature letter-signer">{letter.signature}</p>
    <p class="letter-signature">{letterDate(letter)}</p>
  </article>
);

/** The styles of a letter, shared by the portal and the staff pages. */
export const letterCss = `
.letter { max-width: 42em; margin: 1.5em auto; padding: 2em 2.5em; background: #fff; border: 1px solid #ccc; font-family: FangSong, "仿宋", "Noto Serif CJK SC", serif; line-height: 1.9; }
.letter-title { text-align: center; font-size: 1.5em; margin: 0 0 .3em; font-family: "Noto Serif CJK SC", serif; }
.letter-number { text-align: center; margin: 0 0 1.2em; }
.letter-addressee { margin: 0; }
.letter-body { text-indent: 2em; margin: 0; text-align: justify; }
.letter-signature { text-align: right; margin: 0 2em 0 0; }
.letter-signer { margin-top: 2em; }
@media print { .letter { border: 0; padding: 0; } }
`;
