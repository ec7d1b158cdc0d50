// Words of a block with their offsets: the only unit the name finder looks at. One pass of one
// regular expression without nested quantifiers over the text, so the cost is linear.

export type TokenKind = 'word' | 'initial' | 'abbreviation' | 'number' | 'break' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Begins with a capital (or is an initial or abbreviation). */
  capitalized: boolean;
  /** Two or more letters, all capitals. */
  allCaps: boolean;
  /** First word of a sentence, a line or the block. */
  sentenceStart: boolean;
  /** Written with a possessive 's (Hoddle's): a name ends with it. */
  possessive: boolean;
}

// Abbreviations (U.S., U.K.), words with inner apostrophes and hyphens (O'Gorman, Jean-Pierre),
// numbers, line breaks, any other single character.
const TOKEN = /(?:\p{L}\p{M}*\.){2,}|[\p{L}\p{M}]+(?:['’‐-][\p{L}\p{M}]+)*|\p{N}+|\n|\S/gu;
const UPPER = /^\p{Lu}|^\p{Lt}/u;
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', '"', '“', '”', '«', '»', '•', '-', '–', '—', '(', ')', '[', ']', ';', '¿', '¡', '*', '|']);
const POSSESSIVE = /['’]s$/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let skipUntil = 0;
  for (const m of text.matchAll(TOKEN)) {
    let value = m[0];
    const start = m.index;
    // The period of an initial belongs to the initial: it ends no sentence.
    if (start < skipUntil) continue;
    let kind: TokenKind;
    if (value === '\n') kind = 'break';
    else if (/^\p{N}/u.test(value)) kind = 'number';
    else if (/^\p{L}/u.test(value)) {
      if (value.endsWith('.')) kind = 'abbreviation';
      else if (text[start + value.length] === '.' && /^\p{Lu}$/u.test(value)) kind = 'initial';
      else kind = 'word';
    } else kind = 'punct';
    const possessive = kind === 'word' && POSSESSIVE.test(value) && value.length > 3;
    if (possessive) value = value.slice(0, -2);
    const end = kind === 'initial' ? start + value.length + 1 : start + value.length;
    skipUntil = end;
    const letters = value.replace(/[^\p{L}]/gu, '');
    const capitalized = kind !== 'punct' && kind !== 'number' && kind !== 'break' && UPPER.test(value);
    tokens.push({
      text: kind === 'initial' ? `${value}.` : value,
      start,
      end,
      kind,
      capitalized,
      allCaps: letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      sentenceStart,
      possessive,
    });
    // The period after a short capitalised word (Mr., Dr., Gen., Sra.) ends no sentence.
    const prev = tokens.at(-2);
    const afterShortWord = value === '.' && prev !== undefined && prev.capitalized && prev.kind === 'word' && prev.text.length <= 4 && prev.end === start;
    if (kind === 'break' || (kind === 'punct' && SENTENCE_END.has(value) && !afterShortWord)) sentenceStart = true;
    else if (kind !== 'punct') sentenceStart = false;
  }
  return tokens;
}
