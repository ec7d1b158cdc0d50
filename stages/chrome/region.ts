// The article is one stretch of the page. After classification, kept blocks fall into runs
// separated by stretches of chrome; the run with the most text is the article, and a run far
// smaller than it (a teaser list, a comment thread, another story's lead in a sidebar) is not.
import type { BlockClass } from './classify.ts';

export interface RegionOptions {
  /** Removed blocks in a row that separate two runs. */
  minGapBlocks?: number;
  /** A run is kept when it has at least this share of the main run's words. */
  minRunShare?: number;
  /** Runs before a comments heading must hold this share of the largest run's words to be the article. */
  minShareBeforeComments?: number;
}

export const REGION_DEFAULTS: Required<RegionOptions> = { minGapBlocks: 4, minRunShare: 0.5, minShareBeforeComments: 0.2 };

/**
 * Which good blocks lie outside the article's region: indexes of blocks to drop.
 * `weights[i]` is how much prose block i holds (its length, less when it reads like a list); `classes[i]` its class after context revision; `separators`
 * the blocks that open another part of the page (comments, related articles, share bars);
 * `commentsStart` those that open a comment thread.
 */
export function outsideMainRegion(classes: BlockClass[], weights: number[], separators: Set<number>, commentsStart: Set<number>, options: RegionOptions = {}): Set<number> {
  const o = { ...REGION_DEFAULTS, ...options };
  const runs: { blocks: number[]; words: number }[] = [];
  let current: { blocks: number[]; words: number } | null = null;
  let gap = 0;
  classes.forEach((c, i) => {
    // A comment, share or related-articles heading ends whatever run came before it.
    if (separators.has(i)) gap = o.minGapBlocks;
    if (c !== 'good') {
      gap++;
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
  const firstComments = Math.min(Number.POSITIVE_INFINITY, ...commentsStart);
  // (A "Comments" link in the page header opens nothing: the runs before it must hold real text.)
  const largest = Math.max(0, ...runs.map((r) => r.words));
  const eligible = runs.filter((r) => (r.blocks[0] as number) < firstComments);
  const main = (Math.max(0, ...eligible.map((r) => r.words)) >= largest * o.minShareBeforeComments ? eligible : runs).reduce<{ blocks: number[]; words: number } | null>(
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
    if (run.words < main.words * o.minRunShare || (run.blocks[0] as number) > commentsFrom) for (const i of run.blocks) outside.add(i);
  }
  return outside;
}
