// More training sentences made from the training data itself, for what news writes and the
// CoNLL sets seldom do. Each copy keeps the entities of the words it keeps; deterministic.
import { type Token, tokenize } from '../tokens.ts';
import { wordLists } from '../words.ts';
import type { ConllDocument } from './conll.ts';

/** A sentence's entities, shifted to a copy of its characters `from .. to` placed at `at`. */
function entitiesWithin(doc: ConllDocument, from: number, to: number, at: number): ConllDocument['entities'] {
  const out: ConllDocument['entities'] = [];
  for (const e of doc.entities) if (e.start >= from && e.end <= to) out.push({ ...e, start: e.start - from + at, end: e.end - from + at });
  return out;
}

// A word the training data opens fewer sentences with is seldom a function word (`Working`, `Results`:
// stopwords-iso lists them). With every one (234 English, 169 Spanish), the clusters set fell to 0.945.
const OPENS_AT_LEAST = 3;

/**
 * The function words the training data opens sentences with (`The`, `But`, `While`, `Although`):
 * a word capitalised first in a sentence, outside every entity, that is a stop word and in no other
 * list (`Ed` and `Bill` are stop words of some language and given names too). Folded.
 */
export function sentenceOpeners(docs: ConllDocument[], least: number = OPENS_AT_LEAST): Set<string> {
  const seen = new Map<string, number>();
  for (const doc of docs) {
    for (const t of tokenize(doc.text)) {
      if (!t.sentenceStart || t.kind !== 'word' || !t.capitalized || t.allCaps) continue;
      if (doc.entities.some((e) => t.start < e.end && t.end > e.start)) continue;
      if (wordLists(t.text) === 's') seen.set(t.text.toLowerCase(), (seen.get(t.text.toLowerCase()) ?? 0) + 1);
    }
  }
  const openers = new Set<string>();
  for (const [word, count] of seen) if (count >= least) openers.add(word);
  return openers;
}

/**
 * A clause opened by a function word, learned as a sentence of its own: "... a signal that Beijing
 * would not join" gives "That Beijing would not join". A sentence opened by a function word before
 * a capitalised word is rare in the training data (`While` opens 11 of CoNLL-2003's 14,041), and
 * the tagger read a capital at a sentence start with a name after it as a two-word name (`While
 * Washington` publicly warned...). One copy a sentence, from its first such word in lower case
 * right before a capitalised word, a name or not: copies made only before names taught that a
 * capital after a function word is a name (German nouns after an article: `Jury`, `Werk` became
 * persons, de 0.846 -> 0.800). `openers`: from `sentenceOpeners`.
 */
export function clausesBeforeNames(doc: ConllDocument, openers: Set<string>): ConllDocument | null {
  let text = '';
  const entities: ConllDocument['entities'] = [];
  let at = 0;
  for (const line of doc.text.split('\n')) {
    const end = at + line.length;
    const tokens = tokenize(line);
    for (let i = 1; i + 1 < tokens.length; i++) {
      const t = tokens[i] as Token;
      const next = tokens[i + 1] as Token;
      if (t.kind !== 'word' || t.capitalized || !openers.has(t.text)) continue;
      if (!next.capitalized || next.start !== t.end + 1) continue;
      if (doc.entities.some((e) => e.start < at + t.end && e.end > at + t.start)) continue;
      if (text.length > 0) text += '\n';
      entities.push(...entitiesWithin(doc, at + t.start, end, text.length));
      text += (t.text[0] as string).toUpperCase() + line.slice(t.start + 1);
      break;
    }
    at = end + 1;
  }
  return text.length > 0 ? { text, entities } : null;
}

const FINAL_PERIOD = /\.$/u;

// Months as CLDR writes them in full and abbreviated (Node's ICU), in the training data's languages.
const MONTHS: [string, string][] = ['en', 'es'].flatMap((lang) => {
  const pairs: [string, string][] = [];
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2024, m, 1));
    const form = (month: 'long' | 'short') => new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' }).format(date).replace(FINAL_PERIOD, '');
    if (form('long') !== form('short')) pairs.push([form('long'), form('short')]);
  }
  return pairs;
});
const MONTH_NAMES = MONTHS.map(([long]) => long).join('|');
// A month in full before a number (`August 30`) or after one (`30 August`, `25 de mayo` is not read).
const MONTH_BESIDE_NUMBER = new RegExp(`\\b(${MONTH_NAMES})(?= \\d)|(?<=\\d )(${MONTH_NAMES})\\b`, 'giu');
const SHORT_MONTH = new Map(MONTHS.map(([long, short]) => [long.toLowerCase(), short]));

/**
 * Dates with the month abbreviated, as news datelines write them (`Jan 27`): the training data
 * writes months in full (`January` 20 times in CoNLL-2003 English, `Jan` 7 times as a month and 10
 * as a person's name), so a short month beside a number was learned from a handful of cases. Each
 * sentence with a month in full beside a number is learned again with the month in CLDR's short
 * form, the month's first letter kept as it was written.
 */
export function shortMonths(doc: ConllDocument): ConllDocument | null {
  let text = '';
  const entities: ConllDocument['entities'] = [];
  let at = 0;
  for (const line of doc.text.split('\n')) {
    const end = at + line.length;
    MONTH_BESIDE_NUMBER.lastIndex = 0;
    if (MONTH_BESIDE_NUMBER.test(line)) {
      if (text.length > 0) text += '\n';
      // Entities keep their places: each one after a shortened month moves back by what it lost.
      let written = '';
      let read = 0;
      const moved: ConllDocument['entities'] = [];
      const lineEntities = entitiesWithin(doc, at, end, 0);
      line.replace(MONTH_BESIDE_NUMBER, (month: string, _a: unknown, _b: unknown, offset: number) => {
        written += line.slice(read, offset);
        const short = SHORT_MONTH.get(month.toLowerCase()) as string;
        written += month[0] === (month[0] as string).toUpperCase() ? (short[0] as string).toUpperCase() + short.slice(1) : short.toLowerCase();
        read = offset + month.length;
        return month;
      });
      written += line.slice(read);
      for (const e of lineEntities) moved.push({ ...e, start: shifted(line, e.start) + text.length, end: shifted(line, e.end) + text.length });
      entities.push(...moved);
      text += written;
    }
    at = end + 1;
  }
  return text.length > 0 ? { text, entities } : null;
}

/** Where a character offset of a line falls once its months beside numbers are shortened. */
function shifted(line: string, offset: number): number {
  let lost = 0;
  MONTH_BESIDE_NUMBER.lastIndex = 0;
  for (const m of line.matchAll(MONTH_BESIDE_NUMBER)) {
    if ((m.index as number) >= offset) break;
    lost += m[0].length - (SHORT_MONTH.get(m[0].toLowerCase()) as string).length;
  }
  return offset - lost;
}
