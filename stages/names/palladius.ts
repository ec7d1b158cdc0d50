// Chinese names written in Cyrillic (Palladius: Си Цзиньпин, Ван И) back to Hanyu Pinyin, so a
// Russian text's Chinese names get the canonical names English texts give them (Xi Jinping).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lexicon } from './lexicon.ts';

interface PalladiusTable {
  initials: Record<string, string>;
  finals: Record<string, string>;
  zeroInitial: Record<string, string>;
  special: Record<string, string>;
}

const table = JSON.parse(readFileSync(path.join(import.meta.dirname, 'data', 'palladius.json'), 'utf8')) as PalladiusTable;

const PALATAL = new Set(['j', 'q', 'x']);
const RETROFLEX = new Set(['z', 'c', 's', 'zh', 'ch', 'sh', 'r']);
const VELAR = new Set(['g', 'k', 'h', 'f']);

/** Cyrillic syllable → pinyin syllable, built once from the initials and finals. */
const syllables = (() => {
  const map = new Map<string, string>();
  const add = (cyr: string, pinyin: string) => {
    if (!map.has(cyr)) map.set(cyr, pinyin);
  };
  for (const [p, c] of Object.entries(table.special)) add(c, p);
  for (const [p, c] of Object.entries(table.zeroInitial)) add(c, p.replace('ü', 'u'));
  for (const [ini, ci] of Object.entries(table.initials)) {
    if (ini === '') continue;
    for (const [fin, cf] of Object.entries(table.finals)) {
      const iFinal = fin.startsWith('i') || fin.startsWith('ü');
      // Only the combinations Mandarin has, so that no impossible syllable shadows a real one.
      if (PALATAL.has(ini) && !iFinal) continue;
      if ((RETROFLEX.has(ini) || VELAR.has(ini)) && iFinal) continue;
      if (fin.startsWith('ü') && !PALATAL.has(ini) && ini !== 'n' && ini !== 'l') continue;
      // After j, q, x the ü is written u (ju, quan, xun).
      const pinyin = ini + (PALATAL.has(ini) ? fin.replace('ü', 'u') : fin.replace('ü', 'v'));
      add(ci + cf, pinyin);
    }
  }
  return map;
})();
const LONGEST = Math.max(...[...syllables.keys()].map((k) => k.length));

/** A Cyrillic word cut into Palladius syllables, as pinyin; null when it is not one. */
export function palladiusToPinyin(word: string): string | null {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  // best[i]: the pinyin of w.slice(0, i), fewest syllables first (a dynamic programme: linear).
  const best: (string[] | null)[] = [[]];
  for (let i = 1; i <= w.length; i++) {
    best[i] = null;
    for (let len = Math.min(LONGEST, i); len >= 1; len--) {
      const prev = best[i - len];
      const syllable = syllables.get(w.slice(i - len, i));
      if (prev && syllable !== undefined && (best[i] === null || prev.length + 1 < (best[i] as string[]).length)) best[i] = [...prev, syllable];
    }
  }
  const out = best[w.length];
  return out && out.length > 0 ? out.join('') : null;
}

const chineseSurnames = () => lexicon().chineseSurnames;

/**
 * A Cyrillic name whose first word is a Chinese surname in Palladius and whose every word reads
 * as pinyin: its words in pinyin (Си Цзиньпин → xi, jinping). Null for any other name.
 */
export function chineseFromCyrillic(words: string[]): string[] | null {
  if (words.length < 1 || words.length > 3) return null;
  // Try the words without a Russian case ending first (Цзиньпина, Цзиньпином, Цзюня).
  // Pushed to an array made empty: arrays made by `map` threw away the optimised code reading them (see `textsOf` in canonical.ts).
  const bare: string[] = [];
  for (const w of words) bare.push(withoutRussianCase(w));
  return readAsPinyin(bare) ?? readAsPinyin(words);
}

// A Chinese syllable ending in н/нь declines in Russian (Цзиньпина, Цзиньпином, Цзюня).
const CHINESE_IN_RUSSIAN_CASE: [RegExp, string][] = [
  [/(?<=н)(?:а|у|е|ом)$/u, ''],
  [/(?<=н)(?:я|ю|ем|е)$/u, 'ь'],
];

function withoutRussianCase(word: string): string {
  for (const [re, to] of CHINESE_IN_RUSSIAN_CASE) if (re.test(word)) return word.replace(re, to);
  return word;
}

function readAsPinyin(words: string[]): string[] | null {
  // The surname first: most capitalised Cyrillic words are no Chinese surname, and the words
  // after one are then not read (each is a search over its syllables).
  const surname = palladiusToPinyin(words[0] as string);
  if (surname === null || !chineseSurnames().has(surname)) return null;
  const pinyin = [surname];
  for (let i = 1; i < words.length; i++) {
    const p = palladiusToPinyin(words[i] as string);
    if (p === null) return null;
    pinyin.push(p);
  }
  return pinyin;
}
