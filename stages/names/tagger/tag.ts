// Tags a text's words with the trained model: PER, ORG, LOC and MISC spans over the stage's tokens.
import path from 'node:path';
import { tokenize, type Token } from '../tokens.ts';
import { documentHints, infosOf, type Sentence, sentenceFeatures as featuresOf, sentenceInfos, sentencesOf, type WordInfo } from './features.ts';
import { loadModel, maskedTransitions, type Model, TAGS, viterbi } from './model.ts';
import { createScorer, type Scorer } from './scorer.ts';

export interface EntityRun {
  type: string;
  tokens: Token[];
}

export const MODEL_FILE: string = path.join(import.meta.dirname, '..', 'data', 'tagger.bin.gz');

let shared: Model | undefined;

/** The committed model, loaded on first use and shared by every document of the process. */
export function defaultModel(): Model {
  shared ??= loadModel(MODEL_FILE);
  return shared;
}

/** Feature buckets of every token of every sentence of a text's tokens. */
export function sentenceFeatures(tokens: Token[], bits: number): { tokens: Token[]; features: Int32Array[] }[] {
  const sentences = sentencesOf(tokens);
  const infos = sentenceInfos(sentences);
  const hints = documentHints(sentences, infos);
  const mask = (1 << bits) - 1;
  return sentences.map((s, n) => ({
    tokens: s.tokens,
    features: featuresOf(s, hints, mask, infos[n]),
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

const scorers = new WeakMap<Model, { scorer: Scorer; transitions: Float64Array }>();

/** Only a sentence with a capital in it can hold a name: the others are not tagged (uncased scripts, lower-case lines). */
const mayHoldName = (s: Sentence) => s.tokens.some((t) => t.capitalized || t.kind === 'abbreviation');

/** The entities of a text (or of its tokens, when the caller has them), by a model that no longer changes. */
export function tagEntities(text: string, tokens: Token[] = tokenize(text), model: Model = defaultModel()): EntityRun[] {
  let cached = scorers.get(model);
  if (cached === undefined) {
    cached = { scorer: createScorer(model), transitions: maskedTransitions(model) };
    scorers.set(model, cached);
  }
  const sentences = sentencesOf(tokens);
  // What the words say about themselves is looked up only where it is read: in sentences that are tagged.
  // (Pushed to, not made by `map`: see `infosOf`.)
  const infos: (WordInfo[] | null)[] = [];
  for (const s of sentences) infos.push(mayHoldName(s) ? infosOf(s.tokens) : null);
  const hints = documentHints(sentences, infos);
  const runs: EntityRun[] = [];
  sentences.forEach((s, n) => {
    if (infos[n] === null) return;
    const tags = viterbi(model, cached.scorer.score(s, infos[n] as WordInfo[], hints), s.tokens.length, cached.transitions);
    runs.push(...runsOf(s.tokens, tags));
  });
  return runs;
}
