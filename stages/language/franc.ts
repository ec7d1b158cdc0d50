// Languages beyond Lingua's 75, by franc-all (about 400 languages). Lingua always answers with one
// of its own languages: Uzbek comes out as Azerbaijani, Galician as Spanish, Kyrgyz as Kazakh, and a
// script it does not know (Khmer, Sinhala, Myanmar…) as `und`. franc knows those languages, but
// its trigram models were built from UDHR translations, and it weighs hundreds of languages (its
// ranking is computed here from its data through an index of trigrams, franc-rank.ts): it is asked
// only about text that Lingua's answer does not explain (see index.ts), and its answer is taken
// only where it is not one of Lingua's languages and it finds Lingua's answer clearly worse.
// Measured in MEASUREMENTS.md ("Languages beyond Lingua's").
import { readFileSync } from 'node:fs';
import { francRank } from './franc-rank.ts';
import type { DetectResult } from './detect.ts';

/** Shorter texts are not asked: franc's trigrams need a paragraph to tell close languages apart. */
export const FRANC_MIN_CHARS = 100;
/** franc reads at most this much of a text (as Lingua does: more changes few answers and costs in proportion). */
const FRANC_MAX_CHARS = 320;
/**
 * franc's score for Lingua's answer (1 = as good as franc's best) under which franc's own answer is
 * taken. Close varieties (Dari for Persian, Montenegrin for Croatian, Ndebele for Zulu) score above
 * it; chosen on the development sentences and the gettext catalogues (MEASUREMENTS.md).
 */
const LINGUA_SCORE_BELOW = 0.9;

const LINGUA: ReadonlySet<string> = new Set(
  Object.values(JSON.parse(readFileSync(new URL('./data/lingua-names.json', import.meta.url), 'utf8')) as Record<string, string>),
);

function sample(text: string): string {
  if (text.length <= FRANC_MAX_CHARS) return text;
  const cut = text.lastIndexOf(' ', FRANC_MAX_CHARS);
  return text.slice(0, cut > FRANC_MAX_CHARS / 2 ? cut : FRANC_MAX_CHARS);
}

/**
 * franc's answer for a text Lingua read as one of `linguaLangs` (its answer first; `und` when
 * Lingua had none), when that answer is a language outside Lingua's set and franc scores each of
 * them clearly lower; else null.
 */
export function beyondLingua(text: string, linguaLangs: string[]): DetectResult | null {
  const unread = linguaLangs[0] === 'und';
  if (text.length < FRANC_MIN_CHARS && !unread) return null;
  const ranked = francRank(sample(text));
  const [best, score] = ranked[0] ?? ['und', 0];
  if (best === 'und' || LINGUA.has(best)) return null;
  const lingua = Math.max(0, ...linguaLangs.map((l) => ranked.find(([lang]) => lang === l)?.[1] ?? 0));
  if (lingua >= LINGUA_SCORE_BELOW * score) return null;
  const confidence = Math.round(Math.min(1, 0.5 + 2 * (score - lingua)) * 1000) / 1000;
  // No candidates: franc's scores are not Lingua's, and the document prior weighs those.
  return { lang: best, confidence, method: 'franc' };
}
