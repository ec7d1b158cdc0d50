// Amounts of time: numbers written in digits or words ("2 1/2", "twenty-four", "两"), and
// TIMEX3 durations made of them (P3D, PT16H, P2Y6M, PXY).
import { alternation, type Language, key, lookup } from './lexicon.ts';

const DIGITS_NUMBER = '\\d{1,3}(?:[.,]\\d+)?(?:\\s+\\d\\/\\d|\\s*[½¼¾])?';

/** Reads a written or digit number ("three", "2 1/2", "twenty-four"); null when it is none. */
export function readNumber(text: string, lang: Language): number | null {
  const t = key(text).trim();
  const frac = /^(\d+)\s+(\d)\/(\d)$/.exec(t);
  if (frac) return Number(frac[1]) + Number(frac[2]) / Number(frac[3]);
  const vulgar = /^(\d+)\s*([½¼¾])$/.exec(t);
  if (vulgar) return Number(vulgar[1]) + (({ '½': 0.5, '¼': 0.25, '¾': 0.75 } as Record<string, number>)[vulgar[2] ?? ''] ?? 0);
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  const direct = lookup(lang.numbers, t);
  if (direct !== undefined) return direct;
  // "twenty-four", "thirty five": tens and ones from the same table.
  const parts = t.split(/[\s-]+/);
  if (parts.length === 2) {
    const tens = lookup(lang.numbers, parts[0]);
    const ones = lookup(lang.numbers, parts[1]);
    if (tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones < 10) return tens + ones;
  }
  return null;
}

/** An amount as a regex: digits, a number word, or tens and ones ("twenty-four") where the table has tens. */
export function numberPattern(lang: Language): string {
  const words = lang.pattern.number;
  const tens = Object.keys(lang.file.tens ?? {});
  const ones = Object.entries(lang.file.numbers ?? {})
    .filter(([w, v]) => Number.isInteger(v) && v >= 1 && v <= 9 && !/\s/.test(w) && w.length > 2)
    .map(([w]) => w);
  const compound = tens.length && ones.length ? `(?:${alternation(tens)})[\\s-]${alternation(ones)}|` : '';
  return `(?:${compound}${DIGITS_NUMBER}|${words})`;
}

/** A Chinese numeral ("三", "十二", "二十") or digits; -1 for "几" (a few). */
export function cjkNumber(text: string, lang: Language): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    const v = lang.numbers.get(ch);
    if (v === undefined) return null;
    if (v === -1) return -1;
    if (v === 10) {
      total += (current || 1) * 10;
      current = 0;
    } else current = v;
  }
  return total + current;
}

const SMALLER: Record<string, [string, number]> = { Y: ['M', 12], M: ['D', 30], W: ['D', 7], D: ['H', 24], H: ['MIN', 60], MIN: ['S', 60], DE: ['Y', 10], CE: ['Y', 100], Q: ['M', 3] };

/** P3D, PT16H, P2Y6M, PXY: a TIMEX3 duration; n null when the amount is vague ("several"). */
export function durationValue(n: number | null, unit: string): string {
  const time = unit === 'H' || unit === 'MIN' || unit === 'S';
  const code = (u: string) => (u === 'MIN' ? 'M' : u === 'Q' ? 'Q' : u === 'DE' ? 'DE' : u === 'CE' ? 'CE' : u);
  const prefix = (u: string) => (u === 'H' || u === 'MIN' || u === 'S' ? 'PT' : 'P');
  if (n === null) return `${time ? 'PT' : 'P'}X${code(unit)}`;
  if (unit === 'DE') return `P${trimNumber(n * 10)}Y`;
  if (unit === 'CE') return `P${trimNumber(n * 100)}Y`;
  if (Number.isInteger(n)) return `${prefix(unit)}${n}${code(unit)}`;
  const whole = Math.floor(n);
  const smaller = SMALLER[unit];
  if (!smaller) return `${prefix(unit)}${trimNumber(n)}${code(unit)}`;
  const rest = Math.round((n - whole) * smaller[1]);
  const [su] = smaller;
  if (whole === 0) return `${prefix(su)}${rest}${code(su)}`;
  if (prefix(unit) === prefix(su) || unit === 'D') {
    return unit === 'D' ? `P${whole}DT${rest}H` : `${prefix(unit)}${whole}${code(unit)}${rest}${code(su)}`;
  }
  return `${prefix(unit)}${trimNumber(n)}${code(unit)}`;
}

const trimNumber = (n: number) => String(Math.round(n * 100) / 100);

