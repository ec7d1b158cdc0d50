// Site templates: lines that recur across documents of the same site (menus, footers, bylines of
// the site's own furniture). The runner hands the learner each window of the input (a few thousand
// consecutive documents, read once) before it processes them; the learner counts, per site, in how
// many documents of the window each line occurs, and lines found in several are the site's
// template. The counts depend only on the window's documents, never on the order they are
// processed in, so the result is the same at any concurrency and in every shard.
import type { BatchLearner } from '../../pipeline/core/stage.ts';
import { repairString } from '../repair/index.ts';
import { DIGIT, kindOf, scriptOf, SPACE } from '../../pipeline/core/text.ts';
import { isEdgeMark, normalisePhrase } from './phrases.ts';

export interface LearnedTemplates {
  /** Per site: how many documents were seen and, per template line hash, in how many it occurred. */
  sites: Record<string, { documents: number; lines: Record<string, number> }>;
}

export interface TemplateOptions {
  /** Documents of a site a line must occur in to be template. */
  minDocuments?: number;
  /** Distinct lines tracked per site; beyond it only known lines are counted (bounds memory on huge dumps). */
  maxLinesPerSite?: number;
  /** Lines longer than this are never template (articles quoting each other share long lines). */
  maxLineLength?: number;
  /** Distinct lines tracked over all sites (bounds memory on dumps of millions of documents). */
  maxLines?: number;
  /** Repair each text as the repair stage does before reading its lines (default true). */
  repair?: boolean;
}

const DEFAULTS: Required<TemplateOptions> = { minDocuments: 2, maxLinesPerSite: 50_000, maxLineLength: 400, maxLines: 2_000_000, repair: true };

// Second-level labels under which country domains register names (bbc.co.uk, folha.com.br).
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'gob', 'nom', 'ltd', 'plc', 'or', 'ne', 'go', 'mil', 'int']);

/** The site a document belongs to: its URL's host without `www.`, or null without a URL. */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url);
  if (!m) return null;
  // The registrable domain: saratov.kp.ru and komi.kp.ru share one template; news.bbc.co.uk is bbc.co.uk.
  const labels = (m[1] as string).toLowerCase().split('.');
  const keep = labels.length >= 3 && (labels.at(-1) as string).length === 2 && SECOND_LEVEL.has(labels.at(-2) as string) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * A line as the template compares it: phrase-normalised, digits folded (dates and counters vary
 * per page). `templateKey` gives its key without making it; this is the reference it must match.
 */
const DIGITS = /\p{N}+/gu;
export function templateForm(line: string): string {
  return normalisePhrase(line).replace(DIGITS, '0');
}

/** A short stable key for a normalised line (FNV-1a, 2 x 32 bits; kept as signed 32-bit integers until the end, which the engine keeps in registers). */
export function lineKey(line: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

/**
 * A page's fingerprint, for telling a page seen twice: FNV-1a over its even code units and, apart,
 * over its odd ones (2 x 32 bits, one multiplication per character: a page is hashed whole).
 */
export function pageFingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x811c9dc5;
  let i = 0;
  for (; i + 1 < text.length; i += 2) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 ^ text.charCodeAt(i + 1), 0x01000193);
  }
  if (i < text.length) h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193);
  return `${(h1 >>> 0).toString(36)} ${(h2 >>> 0).toString(36)} ${text.length}`;
}

const COPYRIGHT = 0xa9;

/**
 * `lineKey(templateForm(line))` in one pass over the line, without making the form: every line
 * of every document goes through it (the learner's) and every block of a site with a template
 * (the stage's), and most are read once, so remembering forms cost more than it saved. Null
 * when the form is empty or longer than `maxLength`. The form, as `normalisePhrase` makes it:
 * NFC, lower case, runs of white space one space, the edges' spaces, punctuation and symbols
 * gone but for "©"; then runs of digits one "0".
 */
export function templateKey(line: string, maxLength: number = Number.POSITIVE_INFINITY): string | null {
  // An ASCII line is its own NFC form; its capitals are lowered below, as every line's are.
  const text = NON_ASCII.test(line) ? line.normalize('NFC').toLowerCase() : line;
  let start = 0;
  let openingCopyright = false;
  while (start < text.length) {
    const code = text.codePointAt(start) as number;
    if (!isEdgeMark(code)) break;
    if (code === COPYRIGHT) openingCopyright = true;
    start += code > 0xffff ? 2 : 1;
  }
  if (start === text.length) return openingCopyright && maxLength >= 1 ? lineKey('©') : null;
  let end = text.length;
  let closingCopyright = false;
  for (;;) {
    const low = text.charCodeAt(end - 1);
    const high = text.charCodeAt(end - 2);
    const width = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
    const code = text.codePointAt(end - width) as number;
    if (!isEdgeMark(code)) break;
    if (code === COPYRIGHT) closingCopyright = true;
    end -= width;
  }
  // The form's length: the middle's, less what its runs of spaces and digits lose, and the edges' "©".
  let length = (openingCopyright ? 1 : 0) + (closingCopyright ? 1 : 0);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  if (openingCopyright) {
    h1 = Math.imul(h1 ^ COPYRIGHT, 0x01000193);
    h2 = Math.imul(h2 ^ COPYRIGHT, 0x5bd1e995);
  }
  // The middle starts and ends with neither a space nor a mark: its runs of spaces are inside it.
  let previous = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    let run: number;
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      run = c === 0x20 || (c >= 0x09 && c <= 0x0d) ? SPACE : c >= 0x30 && c <= 0x39 ? DIGIT : 0;
    } else {
      const code = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? (text.codePointAt(i) as number) : c;
      const kind = kindOf(code);
      run = kind & SPACE ? SPACE : kind & DIGIT ? DIGIT : 0;
      // A digit beyond the Basic Multilingual Plane is one of its run; another letter there is hashed as two code units.
      if (code > 0xffff && run !== 0) i++;
    }
    if (run !== 0) {
      if (run === previous) continue;
      c = run === SPACE ? 0x20 : 0x30;
    }
    previous = run;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    if (++length > maxLength) return null;
  }
  if (closingCopyright) {
    h1 = Math.imul(h1 ^ COPYRIGHT, 0x01000193);
    h2 = Math.imul(h2 ^ COPYRIGHT, 0x5bd1e995);
  }
  if (length > maxLength) return null;
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** `lineKey(form.replace(DIGITS, '0'))` for a line's phrase form (`normalisePhrase`): its template key; null for an empty form. */
export function templateKeyOfForm(form: string): string | null {
  if (form === '') return null;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let inDigits = false;
  for (let i = 0; i < form.length; i++) {
    let c = form.charCodeAt(i);
    const code = c >= 0xd800 && c <= 0xdbff && i + 1 < form.length ? (form.codePointAt(i) as number) : c;
    if (kindOf(code) & DIGIT) {
      if (code > 0xffff) i++;
      if (inDigits) continue;
      inDigits = true;
      c = 0x30;
    } else inDigits = false;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

/**
 * The keys (`templateKey`) of the lines of a raw text as the template compares them, each line
 * once, in text order; each line first repaired as the repair stage would (`repaired`) when
 * `repair` is on.
 */
function templateLineKeys(text: string, maxLineLength: number, repair: boolean): string[] {
  const keys = new Set<string>();
  // A text with nothing for repair to act on has no line that needs it (the telltales are
  // letters or pairs of letters, never across a line break): most texts are read as they are.
  const prepare = repair && mayNeedRepair(text) ? repaired : undefined;
  const remembered = rememberedLines(maxLineLength, repair);
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (raw.length > maxLineLength * 2) continue;
    let key: string | null | undefined;
    if (raw.length > REMEMBERED_LINE) key = templateKey(prepare ? prepare(raw) : raw, maxLineLength);
    else {
      // A line's key is the same in every text (`repaired` leaves a line without telltales as it is).
      key = remembered.get(raw);
      if (key === undefined) {
        key = templateKey(prepare ? prepare(raw) : raw, maxLineLength);
        if (remembered.size >= REMEMBERED_LINES) remembered.clear();
        // A line of its own, not a view of its page (which it would keep alive: see facts.ts).
        remembered.set(` ${raw}`.slice(1), key);
      }
    }
    if (key !== null) keys.add(key);
  }
  return [...keys];
}

/**
 * Template lines recur from page to page, and so do the lines repair acts on (a menu's "News &amp;
 * Events"): the keys of lines of up to 200 characters are remembered, repaired and all (50,000
 * at most: the line and a key of 13 characters), for the learner's options. 100,000 held 26 MB at
 * the end of the 1 GB bench dump's first 400 MB (10.5 at the end of the 100 MB dump), and were
 * halved with chrome's facts in session 12 (facts.ts, `REMEMBERED_TEXTS`).
 */
const REMEMBERED_LINE = 200;
const REMEMBERED_LINES = 50_000;
let remembered: { options: string; keys: Map<string, string | null> } = { options: '', keys: new Map() };

function rememberedLines(maxLineLength: number, repair: boolean): Map<string, string | null> {
  const options = `${maxLineLength} ${repair}`;
  if (remembered.options !== options) remembered = { options, keys: new Map() };
  return remembered.keys;
}

/**
 * Characters the repair stage acts on in the lines a template compares: mojibake's telltale
 * letters, entities, invisible and look-alike characters (a Latin letter beside a Cyrillic or
 * Greek one). A line without any is read as it is (most lines of a dump): repairing every page
 * costs more than learning from it. One pass over the text, a table lookup per character.
 */
const TELLTALES = new Set([0xc3, 0xc2, 0xe2, 0xd0, 0xd1, 0x26, 0xad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff, 0xfffd]);
const LATIN = 1;
const CYRILLIC_OR_GREEK = 2;

export function mayNeedRepair(text: string): boolean {
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let group: number;
    if (c < 0x80) {
      // An ampersand only where a character reference can start ("&amp;", "&#8217;", "&eacute;"):
      // a bare one ("News & Events", a third of the lines that looked in need) gives repair
      // nothing to do.
      if (c === 0x26 && isReferenceStart(text.charCodeAt(i + 1))) return true;
      const lower = c | 0x20;
      group = lower >= 0x61 && lower <= 0x7a ? LATIN : 0;
    } else {
      if (TELLTALES.has(c)) return true;
      const code = c >= 0xd800 && c <= 0xdbff ? (text.codePointAt(i) as number) : c;
      if (code > 0xffff) i++;
      const script = scriptOf(code);
      group = script === 'Latin' ? LATIN : script === 'Cyrillic' || script === 'Greek' ? CYRILLIC_OR_GREEK : 0;
    }
    // A Latin letter right beside a Cyrillic or Greek one, either way round.
    if (group !== 0 && previous !== 0 && group !== previous) return true;
    previous = group;
  }
  return false;
}

/** Whether a character can follow the "&" of a character reference (repair's entities.ts): "#" or an ASCII letter. */
function isReferenceStart(c: number): boolean {
  const lower = c | 0x20;
  return c === 0x23 || (lower >= 0x61 && lower <= 0x7a);
}

/** A line as the repair stage leaves it; the raw line when repair fails on it (that document fails in the stage anyway, the batch goes on). */
function repaired(text: string): string {
  if (!mayNeedRepair(text)) return text;
  try {
    return repairString(text).text;
  } catch {
    return text;
  }
}

export function createTemplateLearner(options: TemplateOptions = {}): BatchLearner {
  const o = { ...DEFAULTS, ...options };
  const sites = new Map<string, { documents: number; lines: Map<string, number>; seen: Set<string> }>();
  let tracked = 0;
  return {
    add(document) {
      const site = siteOf(document.url);
      if (site === null) return;
      let entry = sites.get(site);
      if (!entry) {
        entry = { documents: 0, lines: new Map(), seen: new Set() };
        sites.set(site, entry);
      }
      // The same page twice (a re-crawl) must not turn its article into template.
      const fingerprint = pageFingerprint(document.text);
      if (entry.seen.has(fingerprint)) return;
      entry.seen.add(fingerprint);
      entry.documents++;
      // The runner hands the learner the raw text; the blocks it is compared with have been through
      // the repair stage (mojibake, entities, look-alike letters), so each line is repaired the same way.
      for (const key of templateLineKeys(document.text, o.maxLineLength, o.repair)) {
        const n = entry.lines.get(key);
        if (n !== undefined) entry.lines.set(key, n + 1);
        else if (entry.lines.size < o.maxLinesPerSite && tracked < o.maxLines) {
          entry.lines.set(key, 1);
          tracked++;
        }
      }
    },
    result(): LearnedTemplates {
      const out: LearnedTemplates['sites'] = {};
      for (const site of [...sites.keys()].sort()) {
        const entry = sites.get(site) as { documents: number; lines: Map<string, number> };
        const lines: Record<string, number> = {};
        for (const [key, n] of entry.lines) if (n >= o.minDocuments) lines[key] = n;
        if (Object.keys(lines).length > 0) out[site] = { documents: entry.documents, lines };
      }
      return { sites: out };
    },
  };
}

/** The templates of one site only: what a document of that site needs (null without a site or template). */
export function templatesOfSite(learned: LearnedTemplates, site: string | null): LearnedTemplates | null {
  const entry = site === null ? undefined : learned.sites[site];
  return entry ? { sites: { [site as string]: entry } } : null;
}

/** In how many documents of its site a block's text occurred as a line (0 when unknown). */
export function templateCount(learned: LearnedTemplates | undefined, site: string | null, text: string): { count: number; documents: number } {
  return templateCountOfKey(learned, site, templateKey(text));
}

/** `templateCount` with the block's key (`templateKey`). */
export function templateCountOfKey(learned: LearnedTemplates | undefined, site: string | null, key: string | null): { count: number; documents: number } {
  if (!learned || site === null) return NO_TEMPLATE;
  const entry = learned.sites[site];
  if (!entry) return NO_TEMPLATE;
  return { count: key === null ? 0 : (entry.lines[key] ?? 0), documents: entry.documents };
}

const NO_TEMPLATE = { count: 0, documents: 0 };

// As `measureBlock` (features.ts): the engine optimises `templateKey` and `mayNeedRepair` for the
// kinds of line read so far and starts again at each new kind (seven compilations of `templateKey`
// in one pass over the bench slice). A few short lines of every kind, read when the module loads,
// show them all first; their keys are thrown away.
for (const line of ['  Home | News 12  ', '© 2024 Example — News ©', 'ΟΔΟΣ 12\tΑθήνα', '👍 Like 𝟏𝟐 👍', 'Cafe\u0301  ©', 'İstanbul ŞEHİR', '...', '']) {
  templateKey(line);
  templateKey(line, 10);
  mayNeedRepair(line);
}
mayNeedRepair('News &amp; Events CafÃ© аb');
