// Tags a text's words with the trained model: PER, ORG, LOC and MISC spans over the stage's tokens.
import path from 'node:path';
import { tokenize, type Token } from '../tokens.ts';
import {
  documentHints,
  infoOf,
  opensWithOtherLetter,
  type Sentence,
  sentenceFeatures as featuresOf,
  sentenceInfos,
  sentencesOf,
  UNREAD,
  type WordInfo,
} from './features.ts';
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

/** The entity type of each tag (PER for B-PER and I-PER), null for O; and whether it opens a span. */
const TYPES: (string | null)[] = TAGS.map((tag) => (tag === 'O' ? null : tag.slice(2)));
const OPENS: boolean[] = TAGS.map((tag) => tag.startsWith('B-'));

/**
 * Spans of tagged tokens, from BIO tag indices (those of the tokens from `from` on), pushed to
 * `runs` (a new array unless given): no string cut from a tag's name, no closure, per token.
 */
export function runsOf(tokens: Token[], tags: number[], from = 0, runs: EntityRun[] = []): EntityRun[] {
  let open: EntityRun | null = null;
  for (let i = 0; i < tags.length; i++) {
    const k = tags[i] as number;
    const type = TYPES[k] as string | null;
    if (type === null || OPENS[k] === true || open === null || open.type !== type) {
      if (open !== null) runs.push(open);
      open = type === null ? null : { type, tokens: [] };
    }
    if (open !== null) open.tokens.push(tokens[from + i] as Token);
  }
  if (open !== null) runs.push(open);
  return runs;
}

const scorers = new WeakMap<Model, { scorer: Scorer; transitions: Float64Array }>();

/** Only a sentence with a capital in it can hold a name: the others are not tagged (uncased scripts, lower-case lines). */
const mayHoldName = (s: Sentence) => s.tokens.some((t) => t.capitalized || t.kind === 'abbreviation');

/**
 * How far from a capital a token is still tagged (see `nameSegments`). Measured (session 11 of the
 * README's "Speed"): 1, 2 and 3 all keep every figure of `npm run eval -- names` (the same mentions
 * found); on the bench slice's texts (`measure-speed --against` the code that scored every token,
 * five runs) the median document took 0.69 of its time with 1, 0.76 with 2, 0.80 with 3. With 0 a
 * name's particles are not scored (`Luis de Guindos` is cut in two): English 0.928 → 0.917,
 * Spanish 0.884 → 0.855.
 */
export const NAME_REACH = 1;

/** How far a token's features reach (`OFFSETS` in features.ts): the information read around a scored token. */
const FEATURE_REACH = 2;

const opensName = (t: Token) => t.capitalized || t.kind === 'abbreviation';

/**
 * The parts of a sentence the tagger scores, as [from, to) pairs one after another: every token
 * within `reach` of one that opens with a capital or is an abbreviation (an initial is capitalised),
 * the rest taken for O unscored. A person's mention in a script with case holds a capitalised word,
 * and the lower-case words of a name (`de`, `van`, `von der`, `bin`) stand next to one; a sentence
 * of news is mostly lower-case words, none of which the tagger needs to score. A sentence with a
 * letter of a script without case (Han, Hangul, Kana, Arabic, Hebrew, Thai, Devanagari...), where
 * no capital marks a name, is scored whole.
 */
export function nameSegments(tokens: Token[], reach: number = NAME_REACH): number[] {
  const n = tokens.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word' && !t.capitalized && opensWithOtherLetter(t.text)) {
      out.push(0, n);
      return out;
    }
  }
  for (let i = 0; i < n; i++) {
    if (!opensName(tokens[i] as Token)) continue;
    const from = Math.max(0, i - reach);
    const to = Math.min(n, i + reach + 1);
    // Within reach of the last part (or touching it): that part grows.
    if (out.length > 0 && (out[out.length - 1] as number) >= from) out[out.length - 1] = to;
    else out.push(from, to);
  }
  return out;
}

/**
 * The information of the tokens the tagger reads (those of `segments` and two to either side), in
 * an array of the sentence's length with `UNREAD` for the others (pushed to, not made by `map`: see
 * `infosOf` in features.ts).
 */
function segmentInfos(tokens: Token[], segments: number[]): WordInfo[] {
  const n = tokens.length;
  const out: WordInfo[] = [];
  for (let k = 0; k < segments.length; k += 2) {
    const lo = Math.max(0, (segments[k] as number) - FEATURE_REACH);
    const hi = Math.min(n, (segments[k + 1] as number) + FEATURE_REACH);
    while (out.length < lo) out.push(UNREAD);
    for (let i = out.length; i < hi; i++) out.push(infoOf(tokens[i] as Token));
  }
  while (out.length < n) out.push(UNREAD);
  return out;
}

/** The entities of a text (or of its tokens, when the caller has them), by a model that no longer changes. */
export function tagEntities(text: string, tokens: Token[] = tokenize(text), model: Model = defaultModel()): EntityRun[] {
  let cached = scorers.get(model);
  if (cached === undefined) {
    cached = { scorer: createScorer(model), transitions: maskedTransitions(model) };
    scorers.set(model, cached);
  }
  const sentences = sentencesOf(tokens);
  // What the words say about themselves is looked up only where it is read: around the capitals of
  // sentences that are tagged. (Pushed to, not made by `map`: see `infosOf`.)
  const segments: (number[] | null)[] = [];
  const infos: (WordInfo[] | null)[] = [];
  for (const s of sentences) {
    const parts = mayHoldName(s) ? nameSegments(s.tokens) : null;
    segments.push(parts);
    infos.push(parts === null ? null : segmentInfos(s.tokens, parts));
  }
  const hints = documentHints(sentences, infos);
  const runs: EntityRun[] = [];
  sentences.forEach((s, n) => {
    const parts = segments[n];
    if (parts === null || parts === undefined) return;
    const length = s.tokens.length;
    for (let k = 0; k < parts.length; k += 2) {
      const from = parts[k] as number;
      const to = parts[k + 1] as number;
      // The tokens outside the parts are O: a part after one opens from O, a part before one ends into O.
      const scores = cached.scorer.score(s, infos[n] as WordInfo[], hints, from, to);
      const tags = viterbi(model, scores, to - from, cached.transitions, from > 0, to < length);
      runsOf(s.tokens, tags, from, runs);
    }
  });
  return runs;
}
