// What a stage is: a unified plugin (so `unified().use(stage)` works alone or in the preset) plus
// the two things the runner needs to report it: its name and what it produced for one document.
import type { Plugin, Pluggable, Preset, Processor } from 'unified';
import type { VFile } from 'vfile';
import type { Root } from './document.ts';
import { markStageInput } from './offsets.ts';
import { placeInDocument, positionBlocks } from './places.ts';

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

/**
 * The part of a stage that learns from the batch, as the runner's main thread needs it when worker
 * threads run the stages: it reads, learns and writes, and never runs a stage's plugin.
 */
export type StageLearning = Pick<StageDefinition, 'name' | 'createLearner' | 'learnedFor'>;

export interface BatchLearner {
  add(document: { id: string; text: string; url: string | null }): void;
  result(): unknown;
}

/** Watches the stages as a document goes through them: how the runner makes its stage lines and timings. */
export interface StageObserver {
  /** The stage receives the document; `input` is the text it receives (the blocks joined by a blank line). */
  start(stage: StageDefinition, file: VFile, input: string): void;
  /** The stage is done; when it threw, `error` is what it threw, and `file.data.error` names the stage. */
  end(stage: StageDefinition, tree: Root, file: VFile, error?: unknown): void;
  /** The stage did not run: the document failed before it (`file.data.error`). */
  skip(stage: StageDefinition, file: VFile): void;
}

type SyncTransformer = (tree: Root, file: VFile) => unknown;

/**
 * The stage's plugin as a step of the pipeline: the text the stage receives is marked, so that its
 * decisions have offsets in it (offsets.ts), and afterwards their places move to the document's
 * own text (places.ts). With an observer (the runner), a stage that throws fails the document
 * (`file.data.error`) instead of the run, and the stages after it do not run; without one, the
 * error is unified's, as for any plugin.
 */
export function stagePlugin(stage: StageDefinition, observer?: StageObserver): Plugin<[unknown?], Root> {
  return function (this: Processor, options?: unknown) {
    const transform = (stage.plugin as unknown as (this: Processor, o?: unknown) => SyncTransformer | undefined).call(this, options);
    return (tree: Root, file: VFile) => {
      if (observer && file.data.error) return void observer.skip(stage, file);
      const input = markStageInput(tree);
      observer?.start(stage, file, input.text);
      const before = file.messages.length;
      let failure: unknown;
      try {
        // The runner processes a document synchronously (processSync); every stage is synchronous.
        if (transform && transform(tree, file) instanceof Promise) throw new Error(`stage ${stage.name} is asynchronous`);
      } catch (e) {
        if (!observer) throw e;
        failure = e;
        file.data.error = { stage: stage.name, message: e instanceof Error ? e.message : String(e) };
      } finally {
        placeInDocument(file, before, input);
        positionBlocks(tree, file);
      }
      observer?.end(stage, tree, file, failure);
    };
  };
}

/** The stages in order as a unified preset, each with its options (by stage name) and the observer. */
export function stagesPreset(stages: readonly StageDefinition[], options: Record<string, unknown> = {}, observer?: StageObserver): Preset {
  return { plugins: stages.map((s): Pluggable => [stagePlugin(s, observer), options[s.name]]) };
}
