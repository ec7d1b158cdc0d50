// The headline: the most headline-like block just before the article's first good block. A page
// opens with navigation, then the headline (sometimes twice, sometimes with a standfirst), then the
// story; a story that opens with its first paragraph has no headline here.
import type { BlockClass, ClassifiedBlock } from './classify.ts';

export interface TitleOptions {
  /** How many blocks before the first good block may hold the headline. */
  window?: number;
}

/** The index of the headline block, or null. */
export function chooseTitle(blocks: (ClassifiedBlock & { block: { value: string } })[], classes: BlockClass[], options: TitleOptions = {}): number | null {
  const window = options.window ?? 8;
  // The story's first block: a good block that is not itself a short heading (a heading right
  // before the story is taken as good by context, and it is the headline we are looking for).
  const headlineLike = (i: number) => {
    const b = blocks[i] as ClassifiedBlock & { block: { value: string } };
    return (b.heading || !b.features.endsLikeSentence) && b.features.words <= 30;
  };
  const firstGood = classes.findIndex((c, i) => c === 'good' && !headlineLike(i));
  if (firstGood <= 0) return null;
  let best: number | null = null;
  let bestWords = 0;
  for (let i = firstGood - 1; i >= Math.max(0, firstGood - window); i--) {
    const b = blocks[i] as ClassifiedBlock & { block: { value: string } };
    if (b.forced) continue;
    const f = b.features;
    // A headline is a few words long and does not read as a sentence of the story.
    if (f.words < 3 || f.words > 30 || f.urlDensity > 0) continue;
    // Two sentences are a notice or a standfirst, not a headline.
    if (f.sentenceMarks >= 2) continue;
    // Nor is a line of dates and times (a byline, a timestamp).
    if (f.digitRatio > 0.1) continue;
    // Nor a menu: a long line without a single function word, or items joined by wide gaps.
    if ((f.words >= 12 && f.stopwordDensity === 0 && f.script !== 'Han') || f.seams >= 2) continue;
    if (!b.heading && /[.。!！]["'”’»)]*$/u.test(b.block.value.trim())) continue;
    if (f.words > bestWords) {
      best = i;
      bestWords = f.words;
    }
  }
  return best;
}
