// An optional gazetteer pins canonical names and ids (a Wikidata QID...). JSON: an array of
// {name, aliases?, id?}; CSV: a header with `name`, `aliases` (separated by `|` or `;`) and `id`.
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

export const spellingKey = (name: string) => wordsOf(name).map(gazetteerWordKey).join(' ');
export const skeletonKey = (name: string) => wordsOf(name).map(skeleton).join(' ');

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

function entry(name: unknown, aliases: unknown, id: unknown): GazetteerEntry | null {
  if (typeof name !== 'string' || name.trim() === '') return null;
  const list = Array.isArray(aliases) ? aliases : typeof aliases === 'string' ? aliases.split(/[|;]/) : [];
  return {
    name: name.trim().normalize('NFC'),
    aliases: list.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim().normalize('NFC')),
    id: typeof id === 'string' && id.trim() !== '' ? id.trim() : typeof id === 'number' ? String(id) : null,
  };
}

/** Reads a gazetteer from its text: JSON when it starts with `[` or `{`, CSV otherwise. */
export function parseGazetteer(text: string): Gazetteer {
  const body = text.replace(/^\uFEFF/, '').trim();
  const entries: GazetteerEntry[] = [];
  if (body.startsWith('[') || body.startsWith('{')) {
    const data = JSON.parse(body) as unknown;
    const list = Array.isArray(data) ? data : ((data as { people?: unknown[] }).people ?? []);
    for (const item of list as Record<string, unknown>[]) {
      const e = entry(item.name, item.aliases, item.id);
      if (e) entries.push(e);
    }
  } else {
    const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
    const header = csvFields(lines[0] ?? '').map((h) => foldWord(h));
    const col = (name: string) => header.indexOf(name);
    if (col('name') < 0) throw new Error('gazetteer CSV: the header needs a `name` column');
    for (const line of lines.slice(1)) {
      const f = csvFields(line);
      const e = entry(f[col('name')], col('aliases') >= 0 ? f[col('aliases')] : '', col('id') >= 0 ? f[col('id')] : null);
      if (e) entries.push(e);
    }
  }
  return index(entries);
}

export function loadGazetteer(file: string): Gazetteer {
  return parseGazetteer(readFileSync(file, 'utf8'));
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
