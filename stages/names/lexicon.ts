// The word lists of the names stage, read once per process from data/ (see data/README.md for
// where each comes from). Every list is stored folded (lower case, no diacritics), the form
// `foldWord` gives, so a lookup is one Set access (or one look-up in the packed table of the name words).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WordTable } from './word-table.ts';

const dataDir = path.join(import.meta.dirname, 'data');

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(dataDir, name), 'utf8')) as T;
}

/** A list of one word a line (the large name list), packed (word-table.ts: 4 MB, not 14 as a `Set`). */
function wordLines(name: string): WordTable {
  return new WordTable(readFileSync(path.join(dataDir, name), 'utf8').split('\n').filter((w) => w !== ''));
}

function wordSet(name: string, field = 'words'): Set<string> {
  return new Set(readJson<Record<string, string[]>>(name)[field]);
}

export interface Lexicon {
  givenNames: Set<string>;
  nameWords: WordTable;
  stopwords: Set<string>;
  places: Set<string>;
  countries: Set<string>;
  demonyms: Set<string>;
  titles: Set<string>;
  roleModifiers: Set<string>;
  roleLinkers: Set<string>;
  capitalisedTitles: Set<string>;
  orgWords: Set<string>;
  connectors: Set<string>;
  chineseSurnames: Set<string>;
  cueAfter: Set<string>;
  cueBefore: Set<string>;
  /** Months and weekdays, full and abbreviated (CLDR). */
  calendar: Set<string>;
}

let cached: Lexicon | undefined;

/** The lists, loaded on first use and shared by every document of the process. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const givenNames = wordSet('given-names.json');
  for (const w of wordSet('given-names-extra.json')) givenNames.add(w);
  const cues = readJson<{ after: string[]; before: string[] }>('cues.json');
  cached = {
    givenNames,
    nameWords: wordLines('name-words.txt'),
    stopwords: wordSet('stopwords.json'),
    places: new Set([...wordSet('places.json'), ...wordSet('regions.json')]),
    countries: new Set([...wordSet('countries.json'), ...wordSet('regions.json')]),
    demonyms: wordSet('demonyms.json'),
    titles: wordSet('titles.json', 'titles'),
    roleModifiers: wordSet('titles.json', 'modifiers'),
    roleLinkers: wordSet('titles.json', 'linkers'),
    capitalisedTitles: wordSet('titles.json', 'capitalisedTitles'),
    orgWords: wordSet('org-words.json'),
    connectors: wordSet('connectors.json'),
    chineseSurnames: wordSet('chinese-surnames.json'),
    cueAfter: new Set(cues.after),
    cueBefore: new Set(cues.before),
    calendar: wordSet('calendar.json'),
  };
  return cached;
}

export interface ScriptTables {
  cyrillic: Record<string, string>;
  cyrillicInitialE: string;
  greek: Record<string, string>;
  greekDigraphs: Record<string, string>;
  greekInitialDigraphs: Record<string, string>;
}

export function scriptTables(): ScriptTables {
  return readJson<ScriptTables>('scripts.json');
}

export function foldTables(): { rules: [string, string][]; variants: Record<string, string> } {
  return readJson('fold.json');
}
