// What a stage is: a unified plugin (so `unified().use(stage)` works alone or in the preset) plus
// the two things the runner needs to report it: its name and what it produced for one document.
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Root } from './document.ts';

export interface StageDefinition {
  /** The stage's name, used by `--stages`, as the `source` of its messages and in `stages/NN-name.jsonl`. */
  name: string;
  // biome-ignore lint: each stage types its own options.
  plugin: Plugin<[any?], Root>;
  /** What the stage produced for this document, for its line in `stages/NN-name.jsonl`. */
  summarize(tree: Root, file: VFile): Record<string, unknown>;
  /**
   * For stages that learn from the batch (site templates): the runner reads the input once, in
   * windows of consecutive documents (see pipeline/run.ts); a new learner sees every document of a
   * window before any of them is processed, and each document then gets what is relevant to it
   * (`learnedFor`) as `file.data.learned[name]`. A window depends only on the input (it never spans
   * two parts of it, see pipeline/parts.ts), so the output is the same at any concurrency, worker
   * count and shard.
   */
  createLearner?(): BatchLearner;
  /** The part of a learner's result one document needs (default: all of it). */
  learnedFor?(learned: unknown, document: { url: string | null }): unknown;
}

export interface BatchLearner {
  add(document: { id: string; text: string; url: string | null }): void;
  result(): unknown;
}
