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
   * For stages that learn from the whole batch (site templates): the runner first streams every
   * document's text through a learner, then passes `learner.result()` to the plugin as
   * `options.learned`. Learning from the whole batch before any document is processed keeps the
   * output the same at any concurrency and in every shard.
   */
  createLearner?(): BatchLearner;
}

export interface BatchLearner {
  add(document: { id: string; text: string; url: string | null }): void;
  result(): unknown;
}
