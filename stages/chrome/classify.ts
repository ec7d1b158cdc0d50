// Context-sensitive block classification, after jusText (Pomikálek 2011): every block first gets a
// class from its own features (good, near-good, short, bad), then short and near-good blocks take
// the class their neighbours suggest (a short block between good blocks is good, between bad
// blocks is bad). Two changes make it work across languages and sites: length is counted in word
// equivalents (a CJK character is a fraction of a word), and stopword density is measured against
// the document's own longest blocks rather than a fixed threshold, since stopword lists differ in
// size from language to language.
import type { BlockFeatures } from './features.ts';

export type BlockClass = 'good' | 'neargood' | 'short' | 'bad';

export interface ClassifyOptions {
  /** Blocks shorter than this (word equivalents) are `short`. */
  lengthLow?: number;
  /** Prose-like blocks longer than this are `good`. */
  lengthHigh?: number;
  /** Share of the document's reference stopword density a block needs to look like prose. */
  stopwordRatio?: number;
  /** Blocks with more of their characters in URLs than this are `bad`. */
  maxUrlDensity?: number;
  /** How far (in word equivalents of blocks in between) a heading may be from the good block it introduces. */
  maxHeadingDistance?: number;
  /** Punctuation marks per word a long block needs to read as prose. */
  minPunctuation?: number;
  /** jusText's reading: a near-good block needs a good neighbour (default false: near-good chains stand). */
  strictNeargood?: boolean;
  /** A short block more than this many blocks away from any longer block on both sides is bad. */
  maxShortDistance?: number;
  /** A block with three wide gaps or more, and at most this many words per gap, is a flattened list. */
  maxWordsPerSeam?: number;
  /** A block ending in an ellipsis reads as a teaser snippet below this many words. */
  maxSnippetWords?: number;
  /** A long block with less than this share of the reference stopword density is a list. */
  minListStopwordRatio?: number;
  /**
   * Stopword density of the document's prose below which stopwords say nothing: in languages that
   * glue function words to their neighbours (Korean, Hebrew, Finnish…) or lack a good list, the
   * density is low and noisy, and punctuation must judge alone.
   */
  minReferenceDensity?: number;
}

export const CLASSIFY_DEFAULTS: Required<ClassifyOptions> = {
  minReferenceDensity: 0.1,
  lengthLow: 10,
  lengthHigh: 25,
  stopwordRatio: 0.45,
  maxUrlDensity: 0.3,
  maxHeadingDistance: 40,
  minPunctuation: 1 / 25,
  strictNeargood: false,
  maxShortDistance: 3,
  maxWordsPerSeam: 15,
  maxSnippetWords: 60,
  minListStopwordRatio: 0.1,
};

export interface ClassifiedBlock {
  features: BlockFeatures;
  /** A class forced by an earlier rule (phrase table, template, foreign script), or null. */
  forced: 'bad' | null;
  heading: boolean;
}

/**
 * The stopword density of prose in this document: the word-weighted density of its longest
 * blocks that are not lists of links. Null when the document has no long block or its language has no stopword list.
 */
export function referenceDensity(blocks: ClassifiedBlock[], minDensity: number = CLASSIFY_DEFAULTS.minReferenceDensity): number | null {
  const long = blocks.filter((b) => b.forced === null && b.features.words >= 20 && b.features.urlDensity < 0.2).sort((a, b) => b.features.words - a.features.words);
  let words = 0;
  let stop = 0;
  for (const b of long.slice(0, 8)) {
    words += b.features.words;
    stop += b.features.stopwordDensity * b.features.words;
  }
  if (words === 0 || stop === 0) return null;
  if (stop / words < minDensity) return null;
  return stop / words;
}

const UNPUNCTUATED_SCRIPTS = new Set(['Thai', 'Lao', 'Khmer', 'Myanmar']);

/** The class of one block from its own features. */
export function contextFreeClass(block: ClassifiedBlock, reference: number | null, options: Required<ClassifyOptions>): BlockClass {
  const f = block.features;
  if (block.forced) return 'bad';
  if (f.urlDensity > options.maxUrlDensity) return 'bad';
  if (f.letters === 0) return 'short';
  if (f.words < options.lengthLow) return 'short';
  // A snippet cut short ("…") is a teaser for another page, unless its neighbours say otherwise.
  // (Not in CJK text, whose prose uses "……" freely; nor in a long paragraph, which is prose
  // trailing off: snippets are cut to fit a box.)
  if (f.truncated && f.script !== 'Han' && f.words < options.maxSnippetWords) return 'short';
  // Items of a list flattened into one line, joined by wide gaps: chrome however long.
  const seams = f.seams + f.cjkGaps;
  if (seams >= 3 && seams * options.maxWordsPerSeam >= f.words) return 'bad';
  // Prose has a comma or a full stop every ten to fifteen words; a list of names or headlines has
  // few. Thai, Lao, Khmer and Myanmar write without them: there length has to speak alone.
  const marks = f.sentenceMarks + f.commas;
  const unpunctuatedScript = UNPUNCTUATED_SCRIPTS.has(f.script);
  const punctuated = unpunctuatedScript || f.endsLikeSentence || (f.words < 20 ? marks >= 2 : marks / f.words >= options.minPunctuation);
  // Without stopwords for the language, a punctuated block reads as prose.
  const prosey = reference === null ? marks > 0 || unpunctuatedScript : f.stopwordDensity >= reference * options.stopwordRatio;
  const long = f.words >= options.lengthHigh && !f.tabbed;
  if (prosey && punctuated) return long ? 'good' : 'neargood';
  // Function words without punctuation: a long sentence of prose or a menu of phrases; length decides.
  if (prosey) return long ? 'neargood' : 'short';
  // A long block with next to no function words is a list however many commas it has (an archive's
  // months, a roll of names): prose of that length always has some.
  if (punctuated && reference !== null && f.words >= options.lengthHigh && f.stopwordDensity < reference * options.minListStopwordRatio) return 'bad';
  if (punctuated) return f.words >= options.lengthHigh * 2 ? 'neargood' : 'short';
  return 'bad';
}

/** The classes of all blocks: from their own features (`initial`), then revised by context (`classes`). */
export function classifyBlocks(
  blocks: ClassifiedBlock[],
  options: ClassifyOptions = {},
): { initial: BlockClass[]; classes: BlockClass[] } {
  const o = { ...CLASSIFY_DEFAULTS, ...options };
  const reference = referenceDensity(blocks, o.minReferenceDensity);
  const initial = blocks.map((b) => contextFreeClass(b, reference, o));
  // Short blocks written in words of the language (an item of a list in the story: "Speaking to
  // someone on the phone"), unlike menu entries and labels ("World", "Sign in").
  const wordy = blocks.map((b) => reference !== null && b.features.words >= 3 && b.features.stopwordDensity >= reference * o.stopwordRatio);
  const headings = headingsBeforeGood(blocks, initial, o.maxHeadingDistance);
  const classes = reviseShort(initial, wordy, o.maxShortDistance);
  reviseNeargood(classes, !o.strictNeargood);
  joinShortSentences(blocks, initial, classes, headings);
  decideHeadings(initial, classes, headings);
  return { initial, classes };
}

/**
 * Headings: a short heading closely followed by a good block introduces it. It is decided last
 * (see decideHeadings), so that a list of headlines cannot hold itself up.
 */
function headingsBeforeGood(blocks: ClassifiedBlock[], initial: BlockClass[], maxDistance: number): Set<number> {
  const headings = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as ClassifiedBlock;
    if (!b.heading || initial[i] !== 'short') continue;
    let distance = 0;
    for (let j = i + 1; j < blocks.length && distance <= maxDistance; j++) {
      if (initial[j] === 'good') {
        headings.add(i);
        break;
      }
      if (blocks[j]?.forced) break;
      distance += (blocks[j] as ClassifiedBlock).features.words;
    }
  }
  return headings;
}

/**
 * Short blocks take the class of the neighbours (good/bad, near-good ignored first). A short
 * block deep inside a long stretch of short blocks (a menu, a list of teaser headlines) is bad
 * whatever lies beyond the stretch, unless it is written in words of the language.
 */
function reviseShort(initial: BlockClass[], wordy: boolean[], maxShortDistance: number): BlockClass[] {
  const revised = [...initial];
  const [fromPrev, toNext] = distancesToLonger(initial);
  const prevStrict = neighbours(initial, -1, true);
  const nextStrict = neighbours(initial, 1, true);
  const prevAny = neighbours(initial, -1, false);
  const nextAny = neighbours(initial, 1, false);
  for (let i = 0; i < initial.length; i++) {
    if (initial[i] !== 'short') continue;
    if (!wordy[i] && (fromPrev[i] as number) > maxShortDistance && (toNext[i] as number) > maxShortDistance) {
      revised[i] = 'bad';
      continue;
    }
    const prev = prevStrict[i];
    const next = nextStrict[i];
    if (prev === 'good' && next === 'good') revised[i] = 'good';
    else if (prev === 'bad' && next === 'bad') revised[i] = 'bad';
    else if ((prev === 'bad' && prevAny[i] === 'neargood') || (next === 'bad' && nextAny[i] === 'neargood')) revised[i] = 'good';
    else revised[i] = 'bad';
  }
  return revised;
}

/**
 * Near-good blocks: bad when both neighbours are bad, good otherwise. A chain of near-good
 * blocks (a story told in short paragraphs) holds itself up when `chains`: neighbours are read
 * with near-good blocks counting (jusText's stricter reading ignores them).
 */
function reviseNeargood(revised: BlockClass[], chains: boolean): void {
  const prevOfNeargood = neighbours(revised, -1, !chains);
  const nextOfNeargood = neighbours(revised, 1, !chains);
  for (let i = 0; i < revised.length; i++) {
    if (revised[i] !== 'neargood') continue;
    revised[i] = prevOfNeargood[i] === 'bad' && nextOfNeargood[i] === 'bad' ? 'bad' : 'good';
  }
}

/**
 * Short sentences next to the story belong to it ("There's a strange disconnect."), snippets cut
 * short ("…") do not: walking out from each good block, short blocks that read as whole
 * sentences join it.
 */
function joinShortSentences(blocks: ClassifiedBlock[], initial: BlockClass[], revised: BlockClass[], headings: Set<number>): void {
  const sentence = (i: number) => {
    const b = blocks[i] as ClassifiedBlock;
    return !b.forced && initial[i] === 'short' && !headings.has(i) && b.features.endsLikeSentence && !b.features.truncated && b.features.words >= 3 && b.features.sentenceMarks > 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    if (revised[i] !== 'good' || initial[i] === 'short') continue;
    for (let j = i - 1; j >= 0 && sentence(j) && revised[j] !== 'good'; j--) revised[j] = 'good';
    for (let j = i + 1; j < blocks.length && sentence(j) && revised[j] !== 'good'; j++) revised[j] = 'good';
  }
}

/** Headings: good when the next block that is not short (nor another heading) ended good. */
function decideHeadings(initial: BlockClass[], revised: BlockClass[], headings: Set<number>): void {
  for (const i of headings) {
    let j = i + 1;
    while (j < initial.length && j - i <= 3 && (initial[j] === 'short' || headings.has(j))) j++;
    revised[i] = j < initial.length && j - i <= 3 && revised[j] === 'good' ? 'good' : 'bad';
  }
}

/**
 * For every block, the nearest class before (step -1) or after (step 1) it that is good or bad
 * (or near-good, unless ignored); the edges count as bad. One pass each way, so linear.
 */
function neighbours(classes: BlockClass[], step: -1 | 1, ignoreNeargood: boolean): BlockClass[] {
  const out: BlockClass[] = new Array(classes.length);
  let seen: BlockClass = 'bad';
  const start = step === 1 ? classes.length - 1 : 0;
  for (let k = 0; k < classes.length; k++) {
    const i = start - step * k;
    out[i] = seen;
    const c = classes[i] as BlockClass;
    if (c === 'good' || c === 'bad' || (c === 'neargood' && !ignoreNeargood)) seen = c;
  }
  return out;
}

/** For each block, how many blocks back and ahead the nearest block that is not `short` lies. */
function distancesToLonger(classes: BlockClass[]): [number[], number[]] {
  const back: number[] = [];
  const ahead: number[] = new Array(classes.length).fill(0);
  let last = Number.NEGATIVE_INFINITY;
  classes.forEach((c, i) => {
    back.push(i - last);
    if (c !== 'short') last = i;
  });
  let next = Number.POSITIVE_INFINITY;
  for (let i = classes.length - 1; i >= 0; i--) {
    ahead[i] = next - i;
    if (classes[i] !== 'short') next = i;
  }
  return [back, ahead];
}
