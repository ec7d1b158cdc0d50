// Document-wide linking: the full names a document gives become people; the shorter forms of
// their names (a surname alone, a Spanish double surname, a Chinese surname, "P. Simmons", a
// headline in capitals) anywhere in the document, before or after, become mentions of them.
// Nothing is carried from one document to the next.
import { canonicalOrder, compareForms, nameKeys, preferNominative, wordKey } from './canonical.ts';
import type { NameMention } from './detect.ts';
import type { Token } from './tokens.ts';
import { isChineseSurname, isConnector, isStopword } from './words.ts';

export interface LinkedMention {
  words: Token[];
  start: number;
  end: number;
  role: string | null;
}

export interface LinkedPerson {
  /** The key words of the fullest form. */
  keys: string[];
  /** The fullest form's words, the one the canonical name is made of. */
  best: Token[];
  mentions: LinkedMention[];
  roles: string[];
}

/** What detection found in a document: the name mentions, and the capitalised runs left over. */
export interface DocumentNames {
  mentions: NameMention[];
  loose: Token[][];
}

const LONGEST_SHORT_FORM = 4;

/** Is `short` a shorter way to write the name `full`? Both are key lists in canonical order. */
function isShortFormOf(short: string[], full: string[], chinese: boolean): boolean {
  if (short.length > full.length) return false;
  if (short.length === full.length) {
    // "P. Simmons" for "Phil Simmons": initials stand for the words they begin.
    return short.every((k, i) => k === full[i] || (k.length === 2 && k.endsWith('.') && (full[i] as string).startsWith(k[0] as string)));
  }
  // A surname alone, a double surname (Viana Baptista), "de la Serna": the end of the name.
  const offset = full.length - short.length;
  if (short.every((k, i) => k === full[offset + i])) return true;
  // Chinese names are surname first: "Dong" for "Dong Jun".
  return chinese && short.length === 1 && short[0] === full[0];
}

/** Starts of a person's mentions, sorted: the nearest one is a binary search away. */
function distance(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  // Prefer the person named before (a reader's antecedent), then after.
  const before = lo > 0 ? at - (starts[lo - 1] as number) : Number.POSITIVE_INFINITY;
  const after = lo < starts.length ? ((starts[lo] as number) - at) * 2 : Number.POSITIVE_INFINITY;
  return Math.min(before, after);
}

function nearest(persons: LinkedPerson[], at: number): LinkedPerson {
  if (persons.length === 1) return persons[0] as LinkedPerson;
  let best = persons[0] as LinkedPerson;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const p of persons) {
    const d = distance(startsOf(p), at);
    if (d < bestDistance) {
      best = p;
      bestDistance = d;
    }
  }
  return best;
}

// Taken once per person, when first asked: later short mentions do not move the person, and
// re-sorting after every attachment would make a long document quadratic.
const startCache = new WeakMap<LinkedPerson, number[]>();

function startsOf(p: LinkedPerson): number[] {
  let starts = startCache.get(p);
  if (starts === undefined) {
    // Pushed to, not `map`, whose array changes kind once V8 optimises the caller (see `infosOf` in tagger/features.ts).
    starts = [];
    for (const m of p.mentions) starts.push(m.start);
    starts.sort((a, b) => a - b);
    startCache.set(p, starts);
  }
  return starts;
}

function isChineseName(words: Token[]): boolean {
  const ordered = canonicalOrder(words);
  return ordered.length === 2 && isChineseSurname((ordered[0] as Token).text);
}

function mentionOf(words: Token[], role: string | null): LinkedMention {
  return { words, start: (words[0] as Token).start, end: (words.at(-1) as Token).end, role };
}

function attach(person: LinkedPerson, mention: LinkedMention) {
  person.mentions.push(mention);
  if (mention.role !== null && !person.roles.includes(mention.role)) person.roles.push(mention.role);
  if (compareForms(mention.words, person.best) < 0) person.best = mention.words;
}

/**
 * The short forms of the document's people (`index`, by their keys) among a run of capitalised
 * words left over, longest first: each becomes a mention of the nearest person it may shorten.
 */
function linkLooseRun(run: Token[], index: Map<string, LinkedPerson[]>, openers: Set<string>): void {
  // Each word's key worked out once, not once for each form it may open or end.
  const keys: string[] = [];
  for (const t of run) keys.push(wordKey(t));
  let i = 0;
  while (i < run.length) {
    // A word that opens no short form of the index opens no match: its forms are not built.
    if (!openers.has(keys[i] as string)) {
      i++;
      continue;
    }
    let matched = 0;
    for (let len = Math.min(LONGEST_SHORT_FORM, run.length - i); len > 0 && matched === 0; len--) {
      const first = run[i] as Token;
      // A lone stop word opening a sentence ("Such a...") is not the surname it spells.
      if (len === 1 && first.sentenceStart && isStopword(first.text)) continue;
      let spaced = false;
      for (let j = i + 1; j < i + len; j++) if ((run[j] as Token).start - (run[j - 1] as Token).end > 3) spaced = true;
      if (spaced) continue;
      const owners = index.get(keys.slice(i, i + len).join(' '));
      if (owners === undefined) continue;
      attach(nearest(owners, first.start), mentionOf(run.slice(i, i + len), null));
      matched = len;
    }
    i += matched === 0 ? 1 : matched;
  }
}

// Functions of the module, not closures made per document: tsx names each closure it makes at run
// time (`__name`, a property defined on it).
function listUnder(map: Map<string, LinkedPerson[]>, key: string, p: LinkedPerson): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [p]);
  else list.push(p);
}

function listOnceUnder(map: Map<string, LinkedPerson[]>, key: string, p: LinkedPerson): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [p]);
  else if (!list.includes(p)) list.push(p);
}

/** Groups a document's name mentions into people and links the short forms to them. */
export function linkPeople(doc: DocumentNames): LinkedPerson[] {
  const persons: LinkedPerson[] = [];
  // Persons by the key of their last word and of their first word: a short form shares one of them.
  const byLast = new Map<string, LinkedPerson[]>();
  const byFirst = new Map<string, LinkedPerson[]>();
  // Full names first, so that every shorter form finds the name it shortens.
  const ordered = [...doc.mentions].sort((a, b) => b.tokens.length - a.tokens.length || (a.tokens[0] as Token).start - (b.tokens[0] as Token).start);
  for (const m of ordered) {
    const keys = nameKeys(m.tokens);
    const at = (m.tokens[0] as Token).start;
    // Pushed to an array made empty, not spread from lists of other kinds (see `textsOf` in canonical.ts).
    const candidates: LinkedPerson[] = [];
    for (const p of byLast.get(keys.at(-1) as string) ?? []) candidates.push(p);
    if (keys.length === 1) for (const p of byFirst.get(keys[0] as string) ?? []) candidates.push(p);
    const owners = [...new Set(candidates)].filter((p) => isShortFormOf(keys, p.keys, isChineseName(p.best)));
    const mention = mentionOf(m.tokens, m.role);
    if (owners.length > 0) attach(nearest(owners, at), mention);
    else {
      const person: LinkedPerson = { keys, best: m.tokens, mentions: [mention], roles: m.role === null ? [] : [m.role] };
      persons.push(person);
      listUnder(byLast, keys.at(-1) as string, person);
      listUnder(byFirst, keys[0] as string, person);
    }
  }

  // Every short form of every person, for the capitalised words no rule claimed.
  const index = new Map<string, LinkedPerson[]>();
  // The first word's key of every short form of the index.
  const openers = new Set<string>();
  for (const p of persons) {
    const chinese = isChineseName(p.best);
    for (let k = 0; k < p.keys.length; k++) {
      // Suffixes of the name, a surname with its particle among them ("de Silva", "Van Moer").
      if (k > 0 && p.keys.slice(k).every((key) => isConnector(key))) continue;
      if (k === 0 || !chinese) {
        listOnceUnder(index, p.keys.slice(k).join(' '), p);
        openers.add(p.keys[k] as string);
      }
    }
    if (chinese) {
      listOnceUnder(index, p.keys[0] as string, p);
      openers.add(p.keys[0] as string);
    }
  }
  // No person, no short form of one: the capitalised words left over name nobody.
  if (index.size > 0) for (const run of doc.loose) linkLooseRun(run, index, openers);

  for (const p of persons) {
    p.mentions.sort((a, b) => a.start - b.start);
    p.best = preferNominative(p.best, () => p.mentions.flatMap((m) => m.words));
  }
  persons.sort((a, b) => (a.mentions[0] as LinkedMention).start - (b.mentions[0] as LinkedMention).start);
  return persons;
}

