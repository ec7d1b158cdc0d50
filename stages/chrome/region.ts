// The article is one stretch of the page. After classification, kept blocks fall into runs
// separated by stretches of chrome; the run with the most text is the article, and a run far
// smaller than it (a teaser list, a comment thread, another story's lead in a sidebar) is not.
// The article grows outwards from that run, and the further a run lies from it, the larger it
// must be to join (a home page shows other stories, each a good part of the article's size).
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
  /** Share of a run's paragraphs that may each follow a headline of their own before the run counts as a teaser list. */
  maxHeadedShare?: number;
  /** What a teaser list's weight is multiplied by. */
  headedDiscount?: number;
  /** Blocks of chrome between a run and the article up to which the run is adjacent to it. */
  adjacentGap?: number;
  /** The share of the main run's words an adjacent run needs. */
  minRunShareAdjacent?: number;
  /** Blocks of chrome between a run and the article beyond which the run is far from it. */
  maxJoinGap?: number;
  /** The share of the main run's words a run far from the article needs (a home page's other stories). */
  minRunShareFar?: number;
}

export const REGION_DEFAULTS: Required<RegionOptions> = {
  minGapBlocks: 3,
  minRunShare: 0.35,
  minRunShareAfter: 0.8,
  minShareBeforeComments: 0.2,
  maxHeadedShare: 0.5,
  headedDiscount: 0.25,
  adjacentGap: 2,
  minRunShareAdjacent: 0.2,
  maxJoinGap: 20,
  minRunShareFar: 0.8,
};

/**
 * Which good blocks lie outside the article's region: indexes of blocks to drop.
 * `weights[i]` is how much prose block i holds (its length, less when it reads like a list); `classes[i]` its class after context revision; `separators`
 * the blocks that open another part of the page (comments, related articles, share bars);
 * `commentsStart` those that open a comment thread; `gapWeights[i]` how much block i separates
 * (plain chrome 1, a short line that might belong to the story less); `introduced[i]` whether block i
 * comes right after a short headline-like block.
 */
export function outsideMainRegion(
  classes: BlockClass[],
  weights: number[],
  separators: Set<number>,
  commentsStart: Set<number>,
  options: RegionOptions = {},
  gapWeights: number[] = [],
  introduced: boolean[] = [],
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
  // A list of teasers alternates headline and snippet: when most of a run's paragraphs come right
  // after a headline of their own, the run is an index of other pages, not a story.
  for (const run of runs) {
    const headed = run.blocks.filter((i) => introduced[i]).length;
    if (run.blocks.length >= 4 && headed / run.blocks.length > o.maxHeadedShare) run.words *= o.headedDiscount;
  }
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
  const mainIndex = runs.indexOf(main);
  // The article grows out from its main run: a run joins it when it is large enough for its
  // distance. Near the article (a caption, an ad or a byline in between) a third of the main run's
  // prose is enough; far from it, among a home page's teasers, it must be nearly as large.
  const keep = (run: { blocks: number[]; words: number }, gap: number, after: boolean) => {
    if (after && (run.blocks[0] as number) > commentsFrom) return false;
    // A run cut off only by a widget inside the article ("Related stories" and a block or two) is
    // most likely the article's own lead or end: a fifth of the main run is enough there.
    if (gap <= o.adjacentGap) return run.words >= main.words * o.minRunShareAdjacent;
    const near = after ? o.minRunShareAfter : o.minRunShare;
    const share = gap > o.maxJoinGap ? Math.max(o.minRunShareFar, near) : near;
    return run.words >= main.words * share;
  };
  let edge = main.blocks[0] as number;
  for (let k = mainIndex - 1; k >= 0; k--) {
    const run = runs[k] as { blocks: number[]; words: number };
    if (keep(run, edge - (run.blocks.at(-1) as number) - 1, false)) edge = run.blocks[0] as number;
    else for (const i of run.blocks) outside.add(i);
  }
  edge = mainEnd;
  for (let k = mainIndex + 1; k < runs.length; k++) {
    const run = runs[k] as { blocks: number[]; words: number };
    if (keep(run, (run.blocks[0] as number) - edge - 1, true)) edge = run.blocks.at(-1) as number;
    else for (const i of run.blocks) outside.add(i);
  }
  return outside;
}

