// One canonical name per person across the documents of a batch (the runner's learning window):
// the learner collects the full names written in Latin letters, and each person of a document
// whose name matches one of them, in any script or spelling, takes its most frequent spelling.
// Matching, most certain first: the whole phonetic key (Εμανουέλ Μακρόν, Emmanuel Macron); the
// surname's key, inflected forms folded (Макроном, του Ερντογάν), with a first name that agrees;
// the surname's consonant skeleton (Трамп, Trump). A surname that two people of the batch share
// matches neither: different people stay apart.
import { displayName } from './canonical.ts';
import { findNames } from './detect.ts';
import { linkPeople } from './link.ts';
import { consonantSkeleton, inflectedKeys, phoneticWord } from './phonetic.ts';
import { hasCyrillic, hasGreek } from './spelling.ts';
import type { Token } from './tokens.ts';

/** The batch's full Latin names: each spelling once, with how many documents wrote it. */
export interface LearnedNames {
  names: { spelling: string; count: number }[];
}

const isLatinName = (words: Token[]) => words.every((w) => !hasCyrillic(w.text) && !hasGreek(w.text)) && words.filter((w) => w.kind === 'word').length >= 2;
const wordsOf = (name: string) => name.split(' ').filter((w) => !/^\p{L}\.$/u.test(w));

export function createNamesLearner() {
  const counts = new Map<string, number>();
  return {
    add(document: { text: string }) {
      const seen = new Set<string>();
      for (const p of linkPeople(findNames(document.text))) {
        if (!isLatinName(p.best)) continue;
        seen.add(displayName(p.best));
      }
      for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
    },
    result(): LearnedNames {
      const names = [...counts].map(([spelling, count]) => ({ spelling, count }));
      names.sort((a, b) => (a.spelling < b.spelling ? -1 : a.spelling > b.spelling ? 1 : 0));
      return { names };
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

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Spellings grouped by phonetic key, each group named by its most frequent spelling. */
function indexOf(learned: LearnedNames): BatchIndex {
  let index = indexes.get(learned);
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

/** The batch's name for a person written with these words (in canonical order, any script), if one matches. */
export function batchName(learned: LearnedNames | undefined, written: string[]): string | null {
  if (learned === undefined || learned.names.length === 0) return null;
  const index = indexOf(learned);
  const words = written.filter((w) => !/^\p{L}\.$/u.test(w));
  if (words.length === 0) return null;
  const whole = index.byKey.get(words.map(phoneticWord).join(' '));
  if (whole !== undefined) return whole.name;
  const lastForms = inflectedKeys(words.at(-1) as string);
  for (const k of lastForms) {
    const g = only(index.byLast.get(k), words);
    if (g !== null) return g.name;
  }
  for (const k of lastForms) {
    const g = only(index.bySkeleton.get(consonantSkeleton(k)), words);
    if (g !== null) return g.name;
  }
  return null;
}
