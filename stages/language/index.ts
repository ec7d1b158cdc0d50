// Stage `language`: the language of every block and of the document, ISO 639-3, with a confidence;
// `und` where there is no evidence. The detector (detect.ts) is Lingua behind a script check; see
// MEASUREMENTS.md for what each choice was worth on the development sets.
import type { Plugin } from 'unified';
import type { Root } from '../../pipeline/document.ts';
import type { StageDefinition } from '../../pipeline/stage.ts';
import { detectLanguage as detectRaw, type DetectResult } from './detect.ts';
import { QUICK_MIN_CHARS, quickAgrees, quickDetect } from './quick.ts';

export type Detection = DetectResult;

export interface LanguageOptions {
  /**
   * A block whose best language is not the document's takes the document's language when that
   * scored at least this share of the best (short blocks are ambiguous; the document is not).
   */
  documentPrior?: number;
}

/** Characters of a block the detector reads: past a few hundred, more text changes no answer. */
const MAX_DETECT_CHARS = 600;
const CACHE_MAX_LENGTH = 200;
const CACHE_SIZE = 50_000;
const cache = new Map<string, Detection>();

/** The language of one text. Long texts are read up to a word boundary near MAX_DETECT_CHARS. */
export function detectLanguage(text: string, options: { hint?: string } = {}): Detection {
  let sample = text;
  if (sample.length > MAX_DETECT_CHARS) {
    const cut = sample.lastIndexOf(' ', MAX_DETECT_CHARS);
    sample = sample.slice(0, cut > MAX_DETECT_CHARS / 2 ? cut : MAX_DETECT_CHARS);
  }
  // Menus and templates repeat across a dump: short texts are answered from a cache.
  if (options.hint === undefined) {
    const quick = quickDetect(sample);
    if (quick) return quick;
  }
  if (options.hint !== undefined || sample.length > CACHE_MAX_LENGTH) return detectRaw(sample, options);
  const hit = cache.get(sample);
  if (hit) return hit;
  const result = detectRaw(sample);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(sample, result);
  return result;
}

interface BlockInput {
  text: string;
  kind: string;
}

/** The document's language: the language of most letters of its blocks, weighted by confidence. */
export function documentLanguage(blocks: (BlockInput & { lang: string; confidence: number })[]): Detection {
  const weight = new Map<string, number>();
  let total = 0;
  for (const b of blocks) {
    if (b.lang === 'und') continue;
    const w = countLetters(b.text) * (b.kind === 'heading' ? 0.5 : 1) * (0.5 + b.confidence / 2);
    weight.set(b.lang, (weight.get(b.lang) ?? 0) + w);
    total += w;
  }
  if (total === 0) return { lang: 'und', confidence: 0, method: 'no-evidence' };
  const [lang, w] = [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] as [string, number];
  return { lang, confidence: Math.round((w / total) * 1000) / 1000, method: 'block-vote' };
}

function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** Plain function: the language of a document and of each of its blocks. */
export function identifyLanguages(blocks: BlockInput[], options: LanguageOptions = {}) {
  const prior = options.documentPrior ?? 0.5;
  // Long blocks first: they settle the document's language. A short block (a menu item, a
  // heading) that eld also reads as that language, in the same script, needs no slower look;
  // any other short block goes to Lingua.
  const long = blocks.map((b) => b.text.length >= QUICK_MIN_CHARS);
  const first = blocks.map((b, i) => (long[i] ? detectLanguage(b.text) : null));
  const provisional = documentLanguage(blocks.flatMap((b, i) => (first[i] ? [{ ...b, ...(first[i] as Detection) }] : [])));
  const detected = blocks.map((b, i) => {
    const known = first[i];
    if (known) return { ...b, ...known };
    if (provisional.lang !== 'und' && provisional.confidence >= 0.8 && quickAgrees(b.text, provisional.lang)) {
      return { ...b, lang: provisional.lang, confidence: 0.5, method: 'eld-agrees' };
    }
    return { ...b, ...detectLanguage(b.text) };
  });
  const document = documentLanguage(detected);
  // A block that could as well be in the document's language is: "Deep trust" in an English
  // article is English even if Dutch scored a little higher on two words.
  for (const b of detected) {
    if (document.lang === 'und' || b.lang === document.lang || !b.candidates) continue;
    const best = b.candidates[0]?.score ?? 0;
    const doc = b.candidates.find((c) => c.lang === document.lang);
    if (doc && doc.score >= best * prior) {
      b.lang = document.lang;
      b.confidence = doc.score;
      b.method += '+document';
    }
  }
  return { document, blocks: detected };
}

const language: Plugin<[LanguageOptions?], Root> = function language(options = {}) {
  return (tree, file) => {
    const { document, blocks } = identifyLanguages(
      tree.children.map((b) => ({ text: b.value, kind: b.kind })),
      options,
    );
    tree.children.forEach((child, i) => {
      const d = blocks[i] as Detection;
      child.data = { ...child.data, lang: d.lang, langConfidence: d.confidence };
    });
    const hint = file.data.langHint;
    const useHint = document.lang === 'und' && typeof hint === 'string' && /^[a-z]{3}$/.test(hint);
    file.data.lang = useHint ? (hint as string) : document.lang;
    file.data.langConfidence = document.confidence;
  };
};

export default language;

export const languageStage: StageDefinition = {
  name: 'language',
  plugin: language,
  summarize: (tree, file) => ({
    lang: file.data.lang,
    confidence: file.data.langConfidence,
    blocks: tree.children.map((b) => ({ lang: b.data?.lang ?? 'und', confidence: b.data?.langConfidence ?? 0 })),
  }),
};
