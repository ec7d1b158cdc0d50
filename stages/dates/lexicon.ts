// Loads the language tables (data/names.json from CLDR, data/lexicon/*.json written by hand) once
// per process and turns them into the regular-expression fragments the recognizer is built from.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface Phrase {
  rel?: string;
  n?: number;
  part?: string;
  value?: string;
  set?: string;
  focus?: boolean;
  focusQuarter?: boolean;
  edge?: string;
  trim?: number;
  weak?: boolean;
  discourse?: boolean;
  lowerCaseOnly?: boolean;
}

/** A language table as written in data/lexicon/CODE.json. */
interface LexiconFile {
  cjk?: boolean;
  monthFirst?: boolean;
  capitalizedMonths?: boolean;
  daySuffix?: string;
  dayMonthJoin?: string;
  monthYearJoin?: string;
  yearSuffix?: string;
  extraMonths?: Record<string, string[]>;
  extraWeekdays?: Record<string, string[]>;
  numbers?: Record<string, number>;
  tens?: Record<string, number>;
  vagueNumbers?: string[];
  ordinals?: Record<string, number>;
  units?: Record<string, string>;
  durationPrefixes?: string[];
  durationSuffixes?: string[];
  ago?: { before: string[]; after: string[] };
  agoSign?: Record<string, number>;
  relBefore?: Record<string, number>;
  relAfter?: Record<string, number>;
  articles?: string[];
  edgePrefixes?: Record<string, string>;
  partsOfDay?: Record<string, string>;
  seasons?: Record<string, string>;
  timeSuffix?: string;
  timeZones?: string[];
  futureMarkers?: string[];
  /** Prepositions that point ahead when they stand right before a date ("für Mittwoch", "pour mercredi", "until Friday"). */
  futureLeads?: string[];
  holidays?: Record<string, string>;
  quarterWords?: Record<string, string>;
  quarterOwners?: Record<string, { keep?: boolean; year?: number }>;
  fiscalWords?: string[];
  namedTimes?: Record<string, string>;
  centuryWords?: string[];
  setWords?: string[];
  prepositions?: string[];
  timePrepositions?: string[];
  ambiguousMonths?: string[];
  ambiguousWeekdays?: string[];
  yearPeriods?: string[];
  clockWords?: string[];
  periodEndWords?: string[];
  monthLeadWords?: string[];
  amountInfixes?: string[];
  spelledCenturies?: Record<string, number>;
  spelledMillennia?: Record<string, number>;
  decadeWords?: Record<string, number>;
  barePluralAfter?: string[];
  phrases?: Record<string, Phrase>;
  calendarUnits?: string[];
  vagueRefs?: Record<string, string>;
}

/** A language ready for matching: word -> meaning maps (lower case) and alternation patterns. */
export interface Language {
  code: string;
  file: LexiconFile;
  months: Map<string, number>;
  weekdays: Map<string, number>;
  numbers: Map<string, number>;
  units: Map<string, string>;
  phrases: Map<string, Phrase>;
  seasons: Map<string, string>;
  parts: Map<string, string>;
  rel: Map<string, number>;
  agoSign: Map<string, number>;
  ordinals: Map<string, number>;
  edges: Map<string, string>;
  /** Units that can follow this/last/next (singular forms); all units when the table has none. */
  calendarUnits: Set<string> | null;
  /** Vague amounts that make a reference rather than a duration ("recent years": PAST_REF). */
  vagueRefs: Map<string, string>;
  futureMarkers: RegExp | null;
  /** A forward-pointing preposition (and article) ending the text before a date. */
  futureLead: RegExp | null;
  /** Has a hand-written table (relative words, units), not only CLDR month and weekday names. */
  complete: boolean;
  /** The script of the language's words: a block without a letter of it cannot hold its dates. */
  script: RegExp;
  holidays: Map<string, string>;
  quarterWords: Map<string, string>;
  quarterOwners: Map<string, { keep?: boolean; year?: number }>;
  namedTimes: Map<string, string>;
  prepositions: Set<string>;
  spelledCenturies: Map<string, number>;
  spelledMillennia: Map<string, number>;
  decadeWords: Map<string, number>;
  /** Month forms that shorten a longer one ("Jan"): never a date alone. */
  monthAbbreviations: Set<string>;
  /** Month names that are also common words ("May"): alone, a date only after a lead word. */
  ambiguousMonths: Set<string>;
  /** Weekday forms that are also common words: alone, a date only after a lead word. */
  ambiguousWeekdays: Set<string>;
  /** Ends with a word that may lead a month name ("in ", "early "). */
  monthLead: RegExp | null;
  pattern: {
    month: string;
    weekday: string;
    number: string;
    unit: string;
    phrase: string;
    season: string;
    part: string;
    relBefore: string;
    relAfter: string;
    article: string;
    durationPrefix: string;
    durationSuffix: string;
    vague: string;
    agoBefore: string;
    agoAfter: string;
    ordinal: string;
    edge: string;
    holiday: string;
    quarterWord: string;
    quarterOwner: string;
    fiscal: string;
    namedTime: string;
    dayWord: string;
    centuryWord: string;
    setWord: string;
    amountInfix: string;
    spelledCentury: string;
    spelledMillennium: string;
    decadeWord: string;
    timePreposition: string;
    yearPeriod: string;
    clockWord: string;
    periodEnd: string;
    barePluralAfter: string;
  };
}

const dataDir = path.join(import.meta.dirname, 'data');

/** Lower-case key used for every table look-up: NFC, curly apostrophe as straight, spaces collapsed. */
export function key(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').replace(/\.$/, '');
}

/** Accent-insensitive key: Greek headlines drop their accents, and French writers sometimes do. */
export function foldedKey(text: string): string {
  return key(text).normalize('NFD').replace(MARKS, '').normalize('NFC');
}

const MARKS = /\p{M}/gu;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One word or phrase as a regex: accented letters also match their bare form, spaces any space. */
function wordPattern(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFC')) {
    if (ch === ' ') out += '\\s+';
    else if (ch === "'" || ch === '’') out += "['’]";
    else {
      const base = ch.normalize('NFD').replace(MARKS, '');
      out += base !== ch && base.length === 1 ? `[${ch}${base}]` : escape(ch);
    }
  }
  return out;
}

/** Alternation of words, longest first so that the regex prefers "a.m." to "a". */
export function alternation(words: Iterable<string>, options: { abbreviations?: Set<string> } = {}): string {
  const list = [...new Set([...words].filter((w) => w !== ''))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (list.length === 0) return '(?!)';
  return `(?:${list.map((w) => wordPattern(w) + (options.abbreviations?.has(w) ? '\\.?' : '')).join('|')})`;
}

/** Forms that are a shortening of a longer form of the same thing ("Jan" of "January"): they may take a dot. */
function abbreviationsOf(entries: [string, number][]): Set<string> {
  const out = new Set<string>();
  for (const [w, v] of entries) {
    // Longer shortenings ("quinta" of "quinta-feira") are words of their own: a dot after them ends a sentence.
    if (w.length <= 5 && entries.some(([o, ov]) => ov === v && o.length > w.length && o.startsWith(w))) out.add(w);
  }
  return out;
}

function mapOf<V>(entries: Iterable<[string, V]>): Map<string, V> {
  const m = new Map<string, V>();
  for (const [k, v] of entries) {
    m.set(key(k), v);
    if (!m.has(foldedKey(k))) m.set(foldedKey(k), v);
  }
  return m;
}

type Names = { months: string[][]; weekdays: string[][] } | undefined;

/** Month names with their numbers: CLDR's forms of three letters or more, and the table's own. */
function monthEntriesOf(file: LexiconFile, names: Names): [string, number][] {
  const monthEntries: [string, number][] = [];
  names?.months.forEach((forms, i) => {
    for (const f of forms) if (f.length >= 3 || file.cjk) monthEntries.push([f, i + 1]);
  });
  for (const [m, forms] of Object.entries(file.extraMonths ?? {})) for (const f of forms) monthEntries.push([f, Number(m)]);
  return monthEntries;
}

/** Weekday names with their numbers (1 = Monday). */
function weekdayEntriesOf(file: LexiconFile, names: Names): [string, number][] {
  const weekdayEntries: [string, number][] = [];
  // Only the full weekday names: CLDR's short forms ("Mo", "вт", "mar") are ordinary words too.
  names?.weekdays.forEach((forms, i) => {
    if (forms[0]) weekdayEntries.push([forms[0], i + 1]);
  });
  for (const [d, forms] of Object.entries(file.extraWeekdays ?? {})) for (const f of forms) weekdayEntries.push([f, Number(d)]);
  return weekdayEntries;
}

/** The lookup tables of a language, keyed by folded word. */
function tablesOf(file: LexiconFile, monthEntries: [string, number][], weekdayEntries: [string, number][]) {
  const rel = { ...(file.relBefore ?? {}), ...(file.relAfter ?? {}) };
  const numbers = { ...(file.numbers ?? {}) };
  return {
    months: mapOf(monthEntries),
    weekdays: mapOf(weekdayEntries),
    numbers: mapOf(Object.entries(numbers)),
    units: mapOf(Object.entries(file.units ?? {})),
    phrases: mapOf(Object.entries(file.phrases ?? {})),
    seasons: mapOf(Object.entries(file.seasons ?? {})),
    parts: mapOf(Object.entries(file.partsOfDay ?? {})),
    rel: mapOf(Object.entries(rel)),
    agoSign: mapOf(Object.entries(file.agoSign ?? {})),
    ordinals: mapOf(Object.entries(file.ordinals ?? {})),
    edges: mapOf(Object.entries(file.edgePrefixes ?? {})),
    calendarUnits: file.calendarUnits ? new Set(file.calendarUnits.map(key)) : null,
    vagueRefs: mapOf(Object.entries(file.vagueRefs ?? {})),
    holidays: mapOf(Object.entries(file.holidays ?? {})),
    quarterWords: mapOf(Object.entries(file.quarterWords ?? {})),
    quarterOwners: mapOf(Object.entries(file.quarterOwners ?? {})),
    namedTimes: mapOf(Object.entries(file.namedTimes ?? {})),
    prepositions: new Set((file.prepositions ?? []).map(key)),
    spelledCenturies: mapOf(Object.entries(file.spelledCenturies ?? {})),
    spelledMillennia: mapOf(Object.entries(file.spelledMillennia ?? {})),
    decadeWords: mapOf(Object.entries(file.decadeWords ?? {})),
    monthAbbreviations: new Set([...abbreviationsOf(monthEntries)].map(key)),
    ambiguousMonths: new Set((file.ambiguousMonths ?? []).map(key)),
    ambiguousWeekdays: new Set((file.ambiguousWeekdays ?? []).map(key)),
  };
}

/** Words that make what follows them a date: "in" before a month, a future marker, "until" before a day. */
function leadsOf(file: LexiconFile): Pick<Language, 'monthLead' | 'futureMarkers' | 'futureLead'> {
  const markers = file.futureMarkers ?? [];
  return {
    monthLead: file.monthLeadWords?.length || file.timePrepositions?.length
      ? new RegExp(`(?<![\\p{L}])${alternation([...(file.monthLeadWords ?? []), ...(file.timePrepositions ?? [])])}[\\s-]+$`, 'iu')
      : null,
    // Chinese and Japanese words have no spaces, hence no word boundaries to ask for.
    futureMarkers: markers.length ? new RegExp(file.cjk ? alternation(markers) : `(?<![\\p{L}])${alternation(markers)}(?![\\p{L}])`, 'iu') : null,
    futureLead: file.futureLeads?.length
      ? new RegExp(`${file.cjk ? '' : '(?<![\\p{L}])'}${alternation(file.futureLeads)}\\s*(?:${alternation([...(file.articles ?? []), 'the'])}\\s+)?$`, 'iu')
      : null,
  };
}

/** The regular-expression fragments (alternations of words) the rules are assembled from. */
function patternsOf(file: LexiconFile, monthEntries: [string, number][], weekdayEntries: [string, number][]): Language['pattern'] {
  const numbers = { ...(file.numbers ?? {}) };
  return {
    month: alternation(monthEntries.map(([w]) => w), { abbreviations: abbreviationsOf(monthEntries) }),
    weekday: alternation(weekdayEntries.map(([w]) => w), { abbreviations: abbreviationsOf(weekdayEntries) }),
    number: alternation(Object.keys(numbers)),
    unit: alternation(Object.keys(file.units ?? {})),
    phrase: alternation(Object.keys(file.phrases ?? {})),
    season: alternation(Object.keys(file.seasons ?? {})),
    part: alternation(Object.keys(file.partsOfDay ?? {})),
    relBefore: alternation(Object.keys(file.relBefore ?? {})),
    relAfter: alternation(Object.keys(file.relAfter ?? {})),
    article: alternation(file.articles ?? []),
    durationPrefix: alternation(file.durationPrefixes ?? []),
    durationSuffix: alternation(file.durationSuffixes ?? []),
    vague: alternation(file.vagueNumbers ?? []),
    agoBefore: alternation(file.ago?.before ?? []),
    agoAfter: alternation(file.ago?.after ?? []),
    ordinal: alternation(Object.keys(file.ordinals ?? {})),
    edge: alternation(Object.keys(file.edgePrefixes ?? {})),
    holiday: alternation(Object.keys(file.holidays ?? {})),
    quarterWord: alternation(Object.keys(file.quarterWords ?? {})),
    quarterOwner: alternation(Object.keys(file.quarterOwners ?? {})),
    fiscal: alternation(file.fiscalWords ?? []),
    namedTime: alternation(Object.keys(file.namedTimes ?? {})),
    // Words naming a day relative to the anchor ("today", "yesterday"): a time of day may precede them.
    dayWord: alternation(Object.entries(file.phrases ?? {}).filter(([, v]) => v.rel === 'D' && !v.part && !v.weak && !v.discourse).map(([k]) => k)),
    centuryWord: alternation(file.centuryWords ?? []),
    setWord: alternation(file.setWords ?? []),
    amountInfix: alternation(file.amountInfixes ?? []),
    spelledCentury: alternation(Object.keys(file.spelledCenturies ?? {})),
    spelledMillennium: alternation(Object.keys(file.spelledMillennia ?? {})),
    decadeWord: alternation(Object.keys(file.decadeWords ?? {})),
    timePreposition: alternation(file.timePrepositions ?? []),
    yearPeriod: alternation(file.yearPeriods ?? []),
    clockWord: alternation(file.clockWords ?? []),
    periodEnd: alternation(file.periodEndWords ?? []),
    barePluralAfter: alternation(file.barePluralAfter ?? []),
  };
}

function build(code: string, file: LexiconFile, names: Names, complete = true): Language {
  const monthEntries = monthEntriesOf(file, names);
  const weekdayEntries = weekdayEntriesOf(file, names);
  const leads = leadsOf(file);
  return {
    code,
    file,
    ...tablesOf(file, monthEntries, weekdayEntries),
    monthLead: leads.monthLead,
    complete,
    script: scriptOf(monthEntries.map(([w]) => w).join('')),
    futureMarkers: leads.futureMarkers,
    futureLead: leads.futureLead,
    pattern: patternsOf(file, monthEntries, weekdayEntries),
  };
}

const SCRIPTS = [/\p{Script=Greek}/u, /\p{Script=Cyrillic}/u, /\p{Script=Han}/u, /\p{Script=Latin}/u];

/** The script most of a language's month names are written in; any character when none. */
function scriptOf(sample: string): RegExp {
  return SCRIPTS.find((re) => re.test(sample)) ?? /[\s\S]/u;
}

let cache: Map<string, Language> | null = null;

/** Every language with a lexicon, keyed by ISO 639-3 code; built once per process. */
export function languages(): Map<string, Language> {
  if (cache) return cache;
  const names = JSON.parse(readFileSync(path.join(dataDir, 'names.json'), 'utf8')).languages as Record<
    string,
    { months: string[][]; weekdays: string[][] }
  >;
  cache = new Map();
  for (const entry of readdirSync(path.join(dataDir, 'lexicon')).sort()) {
    if (!entry.endsWith('.json')) continue;
    const code = entry.slice(0, -5);
    const file = JSON.parse(readFileSync(path.join(dataDir, 'lexicon', entry), 'utf8')) as LexiconFile;
    cache.set(code, build(code, file, names[code]));
  }
  // Languages with CLDR names but no hand-written table still get their written-out dates
  // ("27 stycznia 2026", "27. ledna"): day-month-year, month-year and weekday rules only.
  for (const code of Object.keys(names).sort()) {
    if (!cache.has(code)) cache.set(code, build(code, { daySuffix: '\\.?' }, names[code], false));
  }
  return cache;
}

let neutral: Language | null = null;

/** A language with no words at all: ISO and numeric dates and bare years only. */
export function neutralLanguage(): Language {
  neutral ??= build('und', {}, undefined, false);
  return neutral;
}

/** Looks a word up in a table, trying the exact key and then the accent-free one. */
export function lookup<V>(map: Map<string, V>, word: string | undefined): V | undefined {
  if (word === undefined) return undefined;
  return map.get(key(word)) ?? map.get(foldedKey(word));
}
