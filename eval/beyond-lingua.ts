// `npx tsx eval/beyond-lingua.ts [--inside]`: how the language stage names text in languages outside Lingua's 75,
// measured on human translations that are not the UDHR franc was trained on: the gettext message
// catalogues of the Debian packages installed on this machine (/usr/share/locale/LL/LC_MESSAGES:
// GTK, glibc, binutils, apt, …; the catalogues of country and language names are left out, being
// lists of names). A catalogue's messages (three words or more, format codes and accelerators
// removed) are joined in order into blocks of 100 to 320 characters, one block a document, and
// each block is read by the stage's plain function. Languages with no catalogue here are skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { identifyLanguages } from '../stages/language/index.ts';

const LOCALES = process.env.NEWSNORM_LOCALES ?? '/usr/share/locale';
/** Locale folder -> the ISO 639-3 code franc-all gives that language (Lingua knows none of them). */
export const OUTSIDE: Record<string, string> = {
  uz: 'uzn', rw: 'kin', qu: 'quy', ha: 'hau', gl: 'glg', mg: 'plt', am: 'amh', ne: 'npi', ky: 'kir',
  tt: 'tat', tk: 'tuk', ps: 'pbu', ug: 'uig', ast: 'ast', oc: 'oci', br: 'bre', fo: 'fao', mt: 'mlt',
  gd: 'gla', ckb: 'ckb', tg: 'tgk', ht: 'hat', wo: 'wol', ku: 'kmr', ig: 'ibo', lb: 'ltz', fy: 'fry',
};
/** Some of Lingua's own languages, to count how often their text is taken away from them. */
export const INSIDE: Record<string, string> = {
  es: 'spa', pt: 'por', ca: 'cat', fr: 'fra', it: 'ita', de: 'deu', nl: 'nld', tr: 'tur', az: 'azj',
  id: 'ind', ms: 'zlm', sw: 'swh', ru: 'rus', uk: 'ukr', kk: 'kaz', fa: 'pes', ar: 'arb', hi: 'hin',
  mr: 'mar', ro: 'ron', pl: 'pol', cs: 'ces', da: 'dan', sv: 'swe', nb: 'nob', nn: 'nno', af: 'afr',
  eu: 'eus', ga: 'gle', cy: 'cym', eo: 'epo', tl: 'tgl', vi: 'vie', hr: 'hrv', bs: 'bos', sr: 'srp',
  so: 'som', yo: 'yor', xh: 'xho', zu: 'zul', hu: 'hun', fi: 'fin', et: 'ekk', lv: 'lvs', lt: 'lit',
};

const LINGUA = new Set(Object.values(JSON.parse(readFileSync(new URL('../stages/language/data/lingua-names.json', import.meta.url), 'utf8')) as Record<string, string>));
const MIN = 100;
const MAX = 320;
const PER_LANGUAGE = 60;

function messages(locale: string): string[] {
  const dir = path.join(LOCALES, locale, 'LC_MESSAGES');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.mo') || name.startsWith('iso_')) continue;
    const po = execFileSync('msgunfmt', [path.join(dir, name)], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    for (const m of po.matchAll(/^msgstr(?:\[\d\])? ((?:".*"\n?)+)/gm)) {
      const text = [...(m[1] as string).matchAll(/"((?:[^"\\]|\\.)*)"/g)]
        .map((s) => s[1])
        .join('')
        .replace(/\\n|\\t/g, ' ')
        .replace(/\\(.)/g, '$1')
        .replace(/%(\d+\$)?[-+ #0-9.]*[a-zA-Z]+|\$\{?\w+\}?|<[^>]+>|\{\w*\}/g, ' ')
        .replace(/_(?=\p{L})|&(?=\p{L})/gu, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (/Project-Id-Version|Content-Type/.test(text)) continue;
      if ((text.match(/\p{L}{2,}/gu) ?? []).length >= 3) out.push(text);
    }
  }
  return out;
}

/** A catalogue's messages joined in order into blocks of MIN to MAX characters. */
export function blocksOf(locale: string): string[] {
  const blocks: string[] = [];
  let block = '';
  for (const m of messages(locale)) {
    if (blocks.length >= PER_LANGUAGE) break;
    if (block.length + m.length + 1 > MAX) {
      if (block.length >= MIN) blocks.push(block);
      block = '';
    }
    if (m.length <= MAX) block = block ? `${block} ${m}` : m;
  }
  if (block.length >= MIN && blocks.length < PER_LANGUAGE) blocks.push(block);
  return blocks;
}

function measure(table: Record<string, string>, label: string) {
  let right = 0;
  let total = 0;
  let outside = 0;
  let outsideRight = 0;
  const rows: string[] = [];
  for (const [locale, code] of Object.entries(table)) {
    const blocks = blocksOf(locale);
    if (blocks.length === 0) continue;
    const answers = new Map<string, number>();
    let ok = 0;
    for (const text of blocks) {
      const lang = identifyLanguages([{ text, kind: 'paragraph' }]).document.lang;
      answers.set(lang, (answers.get(lang) ?? 0) + 1);
      if (lang === code) ok++;
      if (!LINGUA.has(lang) && lang !== 'und') {
        outside++;
        if (lang === code) outsideRight++;
      }
    }
    right += ok;
    total += blocks.length;
    const top = [...answers].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([l, n]) => `${l} ${n}`).join(', ');
    rows.push(`| ${code} | ${blocks.length} | ${(ok / blocks.length).toFixed(2)} | ${top} |`);
  }
  console.log(`\n${label}\n| language | blocks | named right | answers |\n| --- | --- | --- | --- |\n${rows.join('\n')}`);
  console.log(`answers outside Lingua's set: ${outside}, right ${outsideRight}`);
  console.log(`${label}: ${right}/${total} = ${(right / Math.max(1, total)).toFixed(3)}`);
}

if (process.argv[1] === import.meta.filename) {
  measure(OUTSIDE, 'outside Lingua');
  if (process.argv.includes('--inside')) measure(INSIDE, "Lingua's own");
}
