// One canonical name per person across the documents of a batch (the runner's learning window):
// the learner collects the full names written in Latin letters, and each person of a document
// whose name matches one of them, in any script or spelling, takes its most frequent spelling.
// Matching, most certain first: the whole phonetic key (Εμανουέλ Μακρόν, Emmanuel Macron); the
// surname's key, inflected forms folded (Макроном, του Ερντογάν), with a first name that agrees;
// the surname's consonant skeleton (Трамп, Trump; not for a lone word in Latin letters). A surname
// that two people of the batch share matches neither: different people stay apart.
import { createHash } from 'node:crypto';
import { memoize } from '../../pipeline/core/memo.ts';
import { writtenName } from './canonical.ts';
import { consonantSkeleton, inflectedKeys, phoneticWord } from './phonetic.ts';
import { charBits, isSurrogate, OPENS_CAPITALISED } from './letters.ts';
import { hasCyrillic, hasGreek } from './spelling.ts';
import { type Token, tokenize } from './tokens.ts';
import { isConnector, isCountry, isDemonym, isGivenName, isNameWord, isOrgWord, isPlace, isStopword, isTitle } from './words.ts';

/** The batch's full Latin names: each spelling once, with how many documents wrote it. */
export interface LearnedNames {
  names: { spelling: string; count: number }[];
  /**
   * A digest of `names`. newsnorm's worker pool sends a worker the window's names once (the runner's
   * pool.ts), but a pipeline that copies them with every document (a structured clone to a thread
   * of its own) hands the stage a new object each time: the digest lets it build the window's
   * index once, not once a document.
   */
  key?: string;
}

// A module constant: tsx (esbuild for Node 20) turns a literal with `\p{...}` into `new RegExp(...)`
// where it stands, which in a function builds the expression again at each call.
const INITIAL = /^\p{L}\.$/u;
const wordsOf = (name: string) => name.split(' ').filter((w) => !INITIAL.test(w));

// Capitalised words in a row, with up to two short lower-case words (de, van, bin) or initials
// between them. Bounded repetitions: linear.
const CAPITALISED_RUN = /\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:(?:\p{Ll}{1,3}|\p{Lu}\.)[ \t]+){0,2}\p{Lu}[\p{L}\p{M}'’-]*)+/gu;
// The same expression, tried at one position (sticky): `nextRun` tries it only where a capital stands.
const RUN_AT = new RegExp(CAPITALISED_RUN.source, 'uy');
const SENTENCE_BEFORE = /(?:^|[.!?:"“”«»]\s*|\n\s*)$/u;
const LONGEST_NAME = 4;

/** A word that is no given name here: a title, a place, a nationality, an organisation's word. */
const isListWord = (w: Token) => isTitle(w.text) || isPlace(w.text) || isCountry(w.text) || isDemonym(w.text) || isOrgWord(w.text);
/** A word that ends a name: a title, a country, a nationality, an organisation's word, a stop word. */
const endsName = (w: Token) => isTitle(w.text) || isCountry(w.text) || isDemonym(w.text) || isOrgWord(w.text) || isStopword(w.text);

/**
 * A given name that is no word of a list; a stop word too (Bill, Will, Del) only before a word of
 * the name lists (Bill Clinton, not Del Proceso), and never first in a sentence.
 */
function opensName(w: Token, next: Token | undefined, sentenceStart: boolean): boolean {
  if (w.kind !== 'word' || !w.capitalized || !isGivenName(w.text) || isListWord(w)) return false;
  if (!isStopword(w.text)) return true;
  return !sentenceStart && next !== undefined && next.kind === 'word' && isNameWord(next.text);
}

/**
 * The full names a text writes in Latin letters, found cheaply (the learner reads every document
 * of the window before the stage does): capitalised words in a row from a given name on
 * (`French President Emmanuel Macron`), with particles between them (`Carlos Salinas de
 * Gortari`), up to a word of a title, a country, an organisation or a stop word; two words or more.
 * The stage's tagger, not this,
 * decides who is a person: this only gathers the spellings a person it finds may take.
 */
export function latinFullNames(text: string): Token[][] {
  const names: Token[][] = [];
  for (const m of text.matchAll(CAPITALISED_RUN)) names.push(...namesOfRun(m[0], atSentenceStart(text, m.index)));
  return names;
}

/**
 * The next match of CAPITALISED_RUN from `from` on, or null: the same match, found by trying the
 * expression only where a capital (or a character past U+FFFF) stands, where a run can open. The
 * global expression tried every position of the text: about 20 ms per MB of text, a quarter of
 * what the learner cost.
 */
function nextRun(text: string, from: number): RegExpExecArray | null {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A-Z; past ASCII, a capital by the table of letters.ts, or the first half of a surrogate pair.
    const opens = c < 128 ? c >= 65 && c <= 90 : isSurrogate(c) ? c <= 0xdbff : (charBits(c) & OPENS_CAPITALISED) !== 0;
    if (!opens) continue;
    RUN_AT.lastIndex = i;
    const m = RUN_AT.exec(text);
    if (m !== null) return m;
  }
  return null;
}

/** Whether a run of capitalised words at `index` opens a sentence. */
const atSentenceStart = (text: string, index: number): boolean => SENTENCE_BEFORE.test(text.slice(Math.max(0, index - 3), index));

/**
 * The full names of one run of capitalised words (a match of CAPITALISED_RUN): a function of the
 * run's text and whether it opens a sentence only, which the learner's memo relies on.
 */
function namesOfRun(run: string, sentenceStart: boolean): Token[][] {
  const names: Token[][] = [];
  if (hasCyrillic(run) || hasGreek(run)) return names;
  let name: Token[] = [];
  const words = tokenize(run).filter((w) => w.kind === 'word' || w.kind === 'initial');
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Token;
    if (name.length > 0) {
      // A surname may be a place's name too (Salinas, Jordan), not a title's, a country's or an organisation's.
      const fits = w.kind === 'initial' || (w.capitalized ? !endsName(w) : isConnector(w.text));
      if (fits && name.length < LONGEST_NAME) {
        name.push(w);
        continue;
      }
      keepName(name, names);
      name = [];
    }
    if (opensName(w, words[i + 1], w.start === 0 && sentenceStart)) name.push(w);
  }
  keepName(name, names);
  return names;
}

/** Adds a name in the making to `names` without the words that cannot end it, if two words or more are left. */
function keepName(name: Token[], names: Token[][]): void {
  while (name.length > 1 && ((name.at(-1) as Token).kind !== 'word' || !(name.at(-1) as Token).capitalized)) name.pop();
  if (name.filter((w) => w.kind === 'word').length >= 2) names.push(name);
}

/** Runs whose spellings the learner keeps (a run is some 20 characters: about 2 MB at most). */
const RUNS_KEPT = 20_000;
/** Longer runs (hostile text, tables) are read every time. */
const LONGEST_RUN_KEPT = 200;

/**
 * The canonical spellings of the full names of a run of capitalised words, by the run's text and
 * whether it opens a sentence (the first character of the key). News repeats its runs (menus,
 * bylines, the same people): over a 10 MB slice of the bench dump, 49,800 runs of which 14,148
 * distinct, so seven in ten are read from here instead of tokenised, looked up and spelled again.
 */
const spellingsOfRun = memoize(
  (key: string): string[] => namesOfRun(key.slice(1), key.charCodeAt(0) === 49).map(writtenName),
  { size: RUNS_KEPT, maxKeyLength: LONGEST_RUN_KEPT },
);

export function createNamesLearner(): { add(document: { text: string }): void; result(): LearnedNames } {
  const counts = new Map<string, number>();
  return {
    add(document: { text: string }) {
      const text = document.text;
      const seen = new Set<string>();
      for (let m = nextRun(text, 0); m !== null; m = nextRun(text, m.index + m[0].length)) {
        for (const s of spellingsOfRun(`${atSentenceStart(text, m.index) ? 1 : 0}${m[0]}`)) seen.add(s);
      }
      for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
    },
    result(): LearnedNames {
      const names = [...counts].map(([spelling, count]) => ({ spelling, count }));
      names.sort((a, b) => (a.spelling < b.spelling ? -1 : a.spelling > b.spelling ? 1 : 0));
      return { names, key: createHash('sha1').update(JSON.stringify(names)).digest('base64url') };
    },
  };
}

interface Group {
  /** The most frequent spelling. */
  name: string;
  count: number;
  /** Keys of the words before the surname (given names). */
  given: string[];
  last: string;
}

interface BatchIndex {
  byKey: Map<string, Group>;
  byLast: Map<string, Group[]>;
  bySkeleton: Map<string, Group[]>;
}

const indexes = new WeakMap<LearnedNames, BatchIndex>();
/** Indexes by the names' digest, for copies of the same names (a few windows at a time). */
const byDigest = new Map<string, BatchIndex>();
const DIGESTS_KEPT = 4;

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Spellings grouped by phonetic key, each group named by its most frequent spelling. */
function indexOf(learned: LearnedNames): BatchIndex {
  let index = indexes.get(learned) ?? (learned.key === undefined ? undefined : byDigest.get(learned.key));
  if (index !== undefined) return index;
  index = { byKey: new Map(), byLast: new Map(), bySkeleton: new Map() };
  for (const { spelling, count } of learned.names) {
    const keys = wordsOf(spelling).map(phoneticWord);
    const key = keys.join(' ');
    const group = index.byKey.get(key);
    if (group === undefined) index.byKey.set(key, { name: spelling, count, given: keys.slice(0, -1), last: keys.at(-1) as string });
    else if (count > group.count) {
      group.name = spelling;
      group.count = count;
    }
  }
  for (const g of index.byKey.values()) {
    push(index.byLast, g.last, g);
    push(index.bySkeleton, consonantSkeleton(g.last), g);
  }
  indexes.set(learned, index);
  if (learned.key !== undefined) {
    if (byDigest.size >= DIGESTS_KEPT) byDigest.clear();
    byDigest.set(learned.key, index);
  }
  return index;
}

/**
 * Does the person's first word agree with one of a group's given names: the same key, or the
 * same first letter and the same first two consonants (Биньямин, Benjamin: "biniamin", "beniamin").
 */
function firstAgrees(words: string[], g: Group): boolean {
  if (words.length < 2) return true;
  const keys = inflectedKeys(words[0] as string);
  return keys.some((k) => g.given.some((given) => k === given || (k[0] === given[0] && consonantSkeleton(k).slice(0, 2) === consonantSkeleton(given).slice(0, 2))));
}

function only(groups: Group[] | undefined, words: string[]): Group | null {
  const fit = (groups ?? []).filter((g) => firstAgrees(words, g));
  return fit.length === 1 ? (fit[0] as Group) : null;
}

/** Consonants a skeleton needs to match on: fewer say too little (`ҚазҰУ` and `A-Z` are both "s"). */
const MIN_SKELETON = 3;

/** The batch's name for a person written with these words (in canonical order, any script), if one matches. */
export function batchName(learned: LearnedNames | undefined, written: string[]): string | null {
  if (learned === undefined || learned.names.length === 0) return null;
  const index = indexOf(learned);
  const words = written.filter((w) => !INITIAL.test(w));
  if (words.length === 0) return null;
  const whole = index.byKey.get(words.map(phoneticWord).join(' '));
  if (whole !== undefined) return whole.name;
  const lastForms = inflectedKeys(words.at(-1) as string);
  for (const k of lastForms) {
    const g = only(index.byLast.get(k), words);
    if (g !== null) return g.name;
  }
  // The skeleton bridges what a transcription into Cyrillic or Greek loses (Трамп, Trump). A lone
  // word in Latin letters is not matched by it: the keys above already fold the romanisations of
  // one name (Shoigu, Shoygu), and a skeleton of one word alone joined strangers ("Jan" became
  // "Dong Jun", "Marcel" Angela Merkel, "Komisi" Selena Gomez). With a first name that agrees, it
  // still joins a declined Latin form (Zbigniewa Religi, Zbigniew Religa).
  const surname = words.at(-1) as string;
  if (words.length < 2 && !hasCyrillic(surname) && !hasGreek(surname)) return null;
  for (const k of lastForms) {
    const skeleton = consonantSkeleton(k);
    if (skeleton.length < MIN_SKELETON) continue;
    const g = only(index.bySkeleton.get(skeleton), words);
    if (g !== null) return g.name;
  }
  return null;
}
