// An optional gazetteer pins canonical names and ids (a Wikidata QID...). JSON: an array of
// {name, aliases?, id?}; CSV: a header with `name`, `aliases` (separated by `|` or `;`) and `id`.
// Every entry needs a name: a wrong entry is an error naming the file and the line, not skipped.
// A person matches an entry when one of its forms, or its fullest form, spells like the entry's
// name or an alias; or, across scripts, sounds like one (same consonant skeleton).
import { readFileSync } from 'node:fs';
import { foldWord, romanizeWord, spellWord, stemWord, hasCyrillic, hasGreek } from './spelling.ts';

export interface GazetteerEntry {
  name: string;
  aliases: string[];
  id: string | null;
}

export interface Gazetteer {
  entries: GazetteerEntry[];
  bySpelling: Map<string, GazetteerEntry[]>;
  bySkeleton: Map<string, GazetteerEntry[]>;
  bySurname: Map<string, GazetteerEntry[]>;
}

const WORD = /[\p{L}\p{M}]+(?:['’‐-][\p{L}\p{M}]+)*\.?/gu;

function wordsOf(name: string): string[] {
  return name.match(WORD) ?? [];
}

/** One name word as the gazetteer compares it: spelled (Latin) or stemmed (Cyrillic, Greek). */
export function gazetteerWordKey(word: string): string {
  return hasCyrillic(word) || hasGreek(word) ? stemWord(word) : spellWord(word);
}

/**
 * A spelling-blind key for matching across scripts: romanised, then only the first letter and
 * the consonants, with the letters that romanisations swap merged (Shoigu, Σοϊγκού: s-g;
 * Trump, Τραμπ: t-r-b; Vladimir, Βλαντιμίρ: v-l-d-m-r).
 */
export function skeleton(word: string): string {
  let w = romanizeWord(word)
    .replace(/[^a-z]/g, '')
    .replace(/sch|sh|zh|ch|kh|ts|tz/g, (m) => ({ sch: 's', sh: 's', zh: 'z', ch: 'c', kh: 'h', ts: 'c', tz: 'c' })[m] as string)
    .replace(/gk|gg/g, 'g')
    .replace(/nt/g, 'd')
    .replace(/mp|mb/g, 'b')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/w/g, 'v')
    .replace(/ks/g, 'x');
  const head = w.slice(0, 1);
  w = w.slice(1).replace(/[aeiouyhj]/g, '');
  return (head + w).replace(/(.)\1+/g, '$1');
}

export const spellingKey = (name: string): string => wordsOf(name).map(gazetteerWordKey).join(' ');
export const skeletonKey = (name: string): string => wordsOf(name).map(skeleton).join(' ');

function index(entries: GazetteerEntry[]): Gazetteer {
  const bySpelling = new Map<string, GazetteerEntry[]>();
  const bySkeleton = new Map<string, GazetteerEntry[]>();
  const bySurname = new Map<string, GazetteerEntry[]>();
  const put = (map: Map<string, GazetteerEntry[]>, key: string, e: GazetteerEntry) => {
    if (key === '') return;
    const list = map.get(key);
    if (list === undefined) map.set(key, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  for (const e of entries) {
    for (const form of [e.name, ...e.aliases]) {
      put(bySpelling, spellingKey(form), e);
      put(bySkeleton, skeletonKey(form), e);
      const words = wordsOf(form);
      if (words.length > 1) {
        put(bySurname, `spelling:${gazetteerWordKey(words.at(-1) as string)}`, e);
        put(bySurname, `skeleton:${skeleton(words.at(-1) as string)}`, e);
      }
    }
  }
  return { entries, bySpelling, bySkeleton, bySurname };
}

/** Splits one CSV line, with double-quoted fields. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** A gazetteer that cannot be used: names the file, the line and the problem (no stack needed). */
export class GazetteerError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(line > 0 ? `${file}, line ${line}: ${problem}` : `${file}: ${problem}`);
    this.name = 'GazetteerError';
  }
}

/** One entry, checked: a name is required; aliases a list (or `|`/`;`-separated text); id text or a number. */
function entry(name: unknown, aliases: unknown, id: unknown): GazetteerEntry | string {
  if (typeof name !== 'string' || name.trim() === '') return 'the entry has no "name"';
  if (aliases !== undefined && aliases !== null && typeof aliases !== 'string' && !Array.isArray(aliases)) return '"aliases" is neither a list nor text';
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') return '"id" is neither text nor a number';
  const list = Array.isArray(aliases) ? aliases : typeof aliases === 'string' ? aliases.split(/[|;]/) : [];
  return {
    name: name.trim().normalize('NFC'),
    aliases: list.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim().normalize('NFC')),
    id: typeof id === 'string' && id.trim() !== '' ? id.trim() : typeof id === 'number' ? String(id) : null,
  };
}

/** Line (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The line on which each entry of a JSON gazetteer starts (the top-level list, or the list under
 * `people`), so an error can point at the entry. Used only when an entry is wrong.
 */
function entryLines(body: string): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let target = -1;
  let key = '';
  let expectEntry = false;
  let line = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch === '\n') line++;
    if (/\s/.test(ch)) continue;
    if (expectEntry && ch !== ']') lines.push(line);
    expectEntry = false;
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (; j < body.length && body[j] !== '"'; j++) s += body[j] === '\\' ? body[++j] : body[j];
      if (stack.length === 1) key = s;
      i = j;
    } else if (ch === '[' || ch === '{') {
      stack.push(ch);
      const isList = ch === '[' && target < 0 && (stack.length === 1 || (stack.length === 2 && stack[0] === '{' && key === 'people'));
      if (isList) target = stack.length;
      expectEntry = isList;
    } else if (ch === ']' || ch === '}') stack.pop();
    else if (ch === ',' && stack.length === target) expectEntry = true;
  }
  return lines;
}

function parseJsonGazetteer(body: string, file: string): GazetteerEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    // V8 says "... in JSON at position N": turned into the line, which is what an editor shows.
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const line = at ? lineAt(body, Number(at[1])) : 1;
    throw new GazetteerError(file, line, `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
  const list = Array.isArray(data) ? data : (data as { people?: unknown } | null)?.people;
  if (!Array.isArray(list)) throw new GazetteerError(file, 1, 'a JSON gazetteer is a list of {name, aliases, id}, or {"people": [...]}');
  const entries: GazetteerEntry[] = [];
  list.forEach((item: unknown, i) => {
    const e = typeof item === 'object' && item !== null && !Array.isArray(item)
      ? entry((item as Record<string, unknown>).name, (item as Record<string, unknown>).aliases, (item as Record<string, unknown>).id)
      : 'the entry is not an object {name, aliases, id}';
    if (typeof e === 'string') throw new GazetteerError(file, entryLines(body)[i] ?? 1, e.startsWith('the entry ') ? e.replace(/^the entry/, `entry ${i + 1}`) : `entry ${i + 1}: ${e}`);
    entries.push(e);
  });
  return entries;
}

function parseCsvGazetteer(body: string, file: string): GazetteerEntry[] {
  // Line numbers as in the file: blank lines are skipped but still counted.
  const lines = body.split(/\r?\n/).map((text, i) => ({ text, line: i + 1 })).filter((l) => l.text.trim() !== '');
  const headerLine = lines[0];
  if (headerLine === undefined) throw new GazetteerError(file, 1, 'the file is empty');
  const header = csvFields(headerLine.text).map((h) => foldWord(h));
  const col = (name: string) => header.indexOf(name);
  if (col('name') < 0) throw new GazetteerError(file, headerLine.line, `the CSV header needs a "name" column (it has: ${header.join(', ')})`);
  return lines.slice(1).map(({ text, line }) => {
    const f = csvFields(text);
    const e = entry(f[col('name')], col('aliases') >= 0 ? f[col('aliases')] : '', col('id') >= 0 ? f[col('id')] : null);
    if (typeof e === 'string') throw new GazetteerError(file, line, e.replace(/"name"/, 'name (column "name")'));
    return e;
  });
}

/**
 * Reads a gazetteer from its text. The format comes from the file name when it says (`.json`,
 * `.csv`), else from the content (JSON when it starts with `[` or `{`). Throws GazetteerError.
 */
export function parseGazetteer(text: string, file = 'gazetteer'): Gazetteer {
  // Not trimmed: error lines count from the file's first line.
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  const lower = file.toLowerCase();
  const json = lower.endsWith('.json') || (!lower.endsWith('.csv') && (start.startsWith('[') || start.startsWith('{')));
  return index(json ? parseJsonGazetteer(body, file) : parseCsvGazetteer(body, file));
}

export function loadGazetteer(file: string): Gazetteer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new GazetteerError(file, 0, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseGazetteer(text, file);
}

/**
 * The entry for a person known by these forms (fullest first). Exact spelling wins over a sound
 * match; a surname alone matches only when one entry has it. Ambiguity gives no entry.
 */
export function lookupPerson(g: Gazetteer, forms: string[]): GazetteerEntry | null {
  for (const map of [g.bySpelling, g.bySkeleton] as const) {
    const keyOf = map === g.bySpelling ? spellingKey : skeletonKey;
    for (const form of forms) {
      const hits = map.get(keyOf(form));
      if (hits !== undefined && hits.length === 1) return hits[0] as GazetteerEntry;
    }
  }
  const single = forms.filter((f) => wordsOf(f).length === 1);
  if (single.length === forms.length) {
    for (const key of [...single.map((f) => `spelling:${gazetteerWordKey(f)}`), ...single.map((f) => `skeleton:${skeleton(f)}`)]) {
      const hits = g.bySurname.get(key);
      if (hits !== undefined && hits.length === 1) return hits[0] as GazetteerEntry;
    }
  }
  return null;
}
