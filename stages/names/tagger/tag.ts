// Tags a text's words with the trained model: PER, ORG, LOC and MISC spans over the stage's tokens.
import path from 'node:path';
import { tokenize, type Token } from '../tokens.ts';
import { documentHints, infoOf, ownFeatureCount, sentenceFeatures as featuresOf, sentencesOf, type WordInfo } from './features.ts';
import { addWeights, decode, loadModel, type Model, type Partial, TAG_COUNT, TAGS } from './model.ts';

export interface EntityRun {
  type: string;
  tokens: Token[];
}

export const MODEL_FILE = path.join(import.meta.dirname, '..', 'data', 'tagger.bin');

let shared: Model | undefined;

/** The committed model, loaded on first use and shared by every document of the process. */
export function defaultModel(): Model {
  shared ??= loadModel(MODEL_FILE);
  return shared;
}

/** Feature buckets of every token of every sentence of a text's tokens. */
export function sentenceFeatures(tokens: Token[], bits: number) {
  const sentences = sentencesOf(tokens);
  const hints = documentHints(sentences);
  const mask = (1 << bits) - 1;
  return sentences.map((s) => ({
    tokens: s.tokens,
    features: featuresOf(s, hints, mask),
  }));
}

/** Spans of tagged tokens, from BIO tag indices. */
export function runsOf(tokens: Token[], tags: number[]): EntityRun[] {
  const runs: EntityRun[] = [];
  let open: EntityRun | null = null;
  tags.forEach((k, i) => {
    const tag = TAGS[k] as string;
    if (tag === 'O' || tag.startsWith('B-') || open === null || open.type !== tag.slice(2)) {
      if (open !== null) runs.push(open);
      open = tag === 'O' ? null : { type: tag.slice(2), tokens: [] };
    }
    if (open !== null) open.tokens.push(tokens[i] as Token);
  });
  if (open !== null) runs.push(open);
  return runs;
}

/**
 * The shared model's weights of each word's own features (the bias and what the word says about
 * itself), summed once per word: news repeats its words, and these are a third of every token's
 * lookups. Kept by the memoised word information, so they go when it does.
 */
const ownSums = new WeakMap<WordInfo, Partial>();

function partialsOf(model: Model, tokens: Token[], features: Int32Array[]): Partial[] {
  return tokens.map((t, i) => {
    const info = infoOf(t);
    let partial = ownSums.get(info);
    if (partial === undefined) {
      const count = ownFeatureCount(info);
      const sums = new Float64Array(TAG_COUNT);
      addWeights(model, features[i] as Int32Array, 0, count, sums, 0);
      partial = { count, sums };
      ownSums.set(info, partial);
    }
    return partial;
  });
}

/** The entities of a text (or of its tokens, when the caller has them). */
export function tagEntities(text: string, tokens: Token[] = tokenize(text), model: Model = defaultModel()): EntityRun[] {
  const runs: EntityRun[] = [];
  // Only the shared model's sums are remembered (a model in training changes its weights).
  const remember = model === shared;
  for (const s of sentenceFeatures(tokens, model.bits)) {
    runs.push(...runsOf(s.tokens, decode(model, s.features, remember ? partialsOf(model, s.tokens, s.features) : undefined)));
  }
  return runs;
}
