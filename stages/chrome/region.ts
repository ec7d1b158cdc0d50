// The article is one stretch of the page. After classification, kept blocks fall into runs
// separated by stretches of chrome; the run with the most text is the article, and a run far
// smaller than it (a teaser list, a comment thread, another story's lead in a sidebar) is not.
import type { BlockClass } from './classify.ts';

export interface RegionOptions {
  /** Removed blocks in a row that separate two runs. */
  minGapBlocks?: number;
  /** A run is kept when it has at least this share of the main run's words. */
  minRunShare?: number;
  /** The same, for runs after the main run. */
  minRunShareAfter?: number;
  /** Runs before a comments heading must hold this share of the largest run's words to be the article. */
  minShareBeforeComments?: number;
}

export const REGION_DEFAULTS: Required<RegionOptions> = { minGapBlocks: 3, minRunShare: 0.5, minRunShareAfter: 0.8, minShareBeforeComments: 0.2 };

/**
 * Which good blocks lie outside the article's region: indexes of blocks to drop.
 * `weights[i]` is how much prose block i holds (its length, less when it reads like a list); `classes[i]` its class after context revision; `separators`
 * the blocks that open another part of the page (comments, related articles, share bars);
 * `commentsStart` those that open a comment thread; `gapWeights[i]` how much block i separates
 * (plain chrome 1, a short line that might belong to the story less).
 */
export function outsideMainRegion(
  classes: BlockClass[],
  weights: number[],
  separators: Set<number>,
  commentsStart: Set<number>,
  options: RegionOptions = {},
  gapWeights: number[] = [],
): Set<number> {
  const o = { ...REGION_DEFAULTS, ...options };
  const runs: { blocks: number[]; words: number }[] = [];
  let current: { blocks: number[]; words: number } | null = null;
  let gap = 0;
  classes.forEach((c, i) => {
    // A comment, share or related-articles heading ends whatever run came before it.
    if (separators.has(i)) gap = o.minGapBlocks;
    if (c !== 'good') {
      gap += gapWeights[i] ?? 1;
      return;
    }
    if (current === null || gap >= o.minGapBlocks) {
      current = { blocks: [], words: 0 };
      runs.push(current);
    }
    current.blocks.push(i);
    current.words += weights[i] as number;
    gap = 0;
  });
  // Comments follow the article: a run after the first comments heading is the article only when
  // nothing came before that heading.
  let firstComments = Number.POSITIVE_INFINITY;
  for (const i of commentsStart) firstComments = Math.min(firstComments, i);
  // (A "Comments" link in the page header opens nothing: the runs before it must hold real text.)
  const largest = runs.reduce((m, r) => Math.max(m, r.words), 0);
  const eligible = runs.filter((r) => (r.blocks[0] as number) < firstComments);
  const main = (eligible.reduce((m, r) => Math.max(m, r.words), 0) >= largest * o.minShareBeforeComments ? eligible : runs).reduce<{ blocks: number[]; words: number } | null>(
    (best, r) => (best === null || r.words > best.words ? r : best),
    null,
  );
  const outside = new Set<number>();
  if (main === null) return outside;
  // Whatever follows a comments heading placed after the main run belongs to the comments.
  const mainEnd = main.blocks.at(-1) as number;
  let commentsFrom = Number.POSITIVE_INFINITY;
  for (const i of commentsStart) if (i > mainEnd && i < commentsFrom) commentsFrom = i;
  for (const run of runs) {
    // After the article come the page's other offers (related stories, teasers): a run there must be larger to count.
    const share = (run.blocks[0] as number) > mainEnd ? o.minRunShareAfter : o.minRunShare;
    if (run.words < main.words * share || (run.blocks[0] as number) > commentsFrom) for (const i of run.blocks) outside.add(i);
  }
  return outside;
}

export interface SpanBlock {
  /** Class from the block's own features (before context). */
  initial: BlockClass;
  /** Class after context revision. */
  revised: BlockClass;
  /** How much prose the block holds. */
  weight: number;
  /** Length in word equivalents. */
  words: number;
  forced: boolean;
}

/**
 * The article as the one stretch of the page with the most prose in it, net of the chrome inside
 * (Finn et al.'s body text extraction, on blocks): good blocks count for, chrome counts against,
 * and the stretch with the largest sum wins (Kadane's algorithm, linear). Returns the indexes of
 * revised-good blocks outside that stretch.
 */
export function outsideMainSpan(blocks: SpanBlock[], options: { shortPenalty?: number; badPenalty?: number } = {}): Set<number> {
  const shortPenalty = options.shortPenalty ?? 1;
  const badPenalty = options.badPenalty ?? 1;
  const score = blocks.map((b) => {
    if (b.forced) return -(b.words * badPenalty + 2);
    switch (b.initial) {
      case 'good':
        return b.weight;
      case 'neargood':
        return b.weight / 2;
      case 'short':
        return b.revised === 'good' ? 0 : -shortPenalty;
      default:
        return -(b.words * badPenalty + 1);
    }
  });
  let bestSum = 0;
  let bestFrom = 0;
  let bestTo = -1;
  let sum = 0;
  let from = 0;
  score.forEach((s, i) => {
    if (sum <= 0) {
      sum = 0;
      from = i;
    }
    sum += s;
    if (sum > bestSum) {
      bestSum = sum;
      bestFrom = from;
      bestTo = i;
    }
  });
  const outside = new Set<number>();
  blocks.forEach((b, i) => {
    if (b.revised === 'good' && (i < bestFrom || i > bestTo)) outside.add(i);
  });
  return outside;
}
