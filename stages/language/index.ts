// Stage `language`: the language of every block and of the document, ISO 639-3, with a confidence;
// `und` where there is no evidence.
import type { Plugin } from 'unified';
import type { Root } from '../../pipeline/document.ts';
import type { StageDefinition } from '../../pipeline/stage.ts';
import { detectLanguage, type Detection } from './detect.ts';

export interface LanguageOptions {
  /** Blocks with fewer letters than this weigh nothing in the document's language. */
  minLettersForDocument?: number;
}

export { detectLanguage, type Detection };

/** The document's language: the language that covers most letters of its blocks, weighted by confidence. */
export function documentLanguage(blocks: { text: string; kind: string; lang: string; confidence: number }[]): Detection {
  const weight = new Map<string, number>();
  let total = 0;
  for (const b of blocks) {
    if (b.lang === 'und') continue;
    const letters = countLetters(b.text);
    const w = letters * (b.kind === 'heading' ? 0.5 : 1) * (0.5 + b.confidence / 2);
    weight.set(b.lang, (weight.get(b.lang) ?? 0) + w);
    total += w;
  }
  if (total === 0) return { lang: 'und', confidence: 0, method: 'no-evidence' };
  const [lang, w] = [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] as [string, number];
  return { lang, confidence: w / total, method: 'block-vote' };
}

function countLetters(text: string): number {
  let n = 0;
  for (const ch of text) if (/\p{L}/u.test(ch)) n++;
  return n;
}

/** Plain function: the language of a text and of each of its blocks. */
export function identifyLanguages(blocks: { text: string; kind: string }[]) {
  const detected = blocks.map((b) => ({ ...b, ...detectLanguage(b.text) }));
  const document = documentLanguage(detected);
  return { document, blocks: detected };
}

const language: Plugin<[LanguageOptions?], Root> = function language() {
  return (tree, file) => {
    const { document, blocks } = identifyLanguages(tree.children.map((b) => ({ text: b.value, kind: b.kind })));
    tree.children.forEach((child, i) => {
      const d = blocks[i] as Detection;
      child.data = { ...child.data, lang: d.lang, langConfidence: d.confidence };
    });
    file.data.lang = document.lang === 'und' && file.data.langHint ? file.data.langHint : document.lang;
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
