// The per-tag scores of a sentence's tokens under a loaded model, summed group by group. Each group
// of features (features.ts) is a function of one or two small values: a word, a word and a shape,
// two shapes, a position. News repeats its words and its shapes, so each group's weights are
// looked up once per distinct value and the sum is reused: a token costs a dozen additions of
// nine numbers instead of some thirty lookups in the model's table. The weights are whole numbers
// (16-bit steps of the model's scale), so the sums are exact in any order and the scores are the
// same as `sentenceFeatures` and `decode` give (scorer.test.ts checks it).
import {
  BOUNDARY,
  capsLineFeatures,
  type DocumentHints,
  documentFeatures,
  headlineFeatures,
  neighbourFeatures,
  ownFeatures,
  positionFeatures,
  positionOf,
  type Sentence,
  sentenceFeatures,
  shapeAfterFeature,
  shapeBeforeFeature,
  takesHints,
  type WordInfo,
  wordAfterFeature,
  wordBeforeFeature,
} from './features.ts';
import type { Token } from '../tokens.ts';
import { addWeights, type Model, TAG_COUNT } from './model.ts';

type Sums = Float64Array;

/**
 * What a word contributes wherever it stands: its own features with its position (by position),
 * as a neighbour two away (before, after), and as the word right before or after a token, with
 * that token's shape (by the shape's number): the neighbour's features, the pair of shapes, the
 * word with the shape.
 */
interface WordSums {
  /** The tables these sums belong to (a scorer's, until it starts them again). */
  owner: object;
  /** The word's short shape, numbered (see `shapeIds`). */
  shape: number;
  /** Its own features and the position group, by position (0-7). */
  at: (Sums | undefined)[];
  twoBefore: Sums | undefined;
  twoAfter: Sums | undefined;
  before: (Sums | undefined)[];
  after: (Sums | undefined)[];
  caps: Sums | undefined;
  headline: Sums | undefined;
}

/** Every field set at once: objects of one layout keep property reads fast. */
const wordSumsOf = (owner: object, shape: number): WordSums => ({
  owner,
  shape,
  at: [],
  twoBefore: undefined,
  twoAfter: undefined,
  before: [],
  after: [],
  caps: undefined,
  headline: undefined,
});

const ZERO: Sums = new Float64Array(TAG_COUNT);

/** Shapes numbered at most (punctuation marks are shapes of their own): then every table starts again. */
const MAX_SHAPES = 1024;
/** Entries the table of document hints keeps before it is emptied: keeps memory flat on any input. */
const MAX_ENTRIES = 100_000;

export interface Scorer {
  /** Per-tag scores (scaled) of the sentence's tokens, `TAG_COUNT` a token. */
  score(s: Sentence, infos: WordInfo[], hints: DocumentHints): Float64Array;
}

export function createScorer(model: Model): Scorer {
  const mask = (1 << model.bits) - 1;
  const f: number[] = [];
  /** The unscaled weights of the features `fill` lists. */
  const sumOf = (fill: (f: number[]) => void): Sums => {
    f.length = 0;
    fill(f);
    for (let k = 0; k < f.length; k++) f[k] = (f[k] as number) & mask;
    const sums = new Float64Array(TAG_COUNT);
    addWeights(model, f, 0, f.length, sums, 0);
    return sums;
  };
  // Shape hashes numbered 1, 2, ... (0 is the sentence's edge), so that the tables by shape are arrays.
  let shapeIds = new Map<number, number>();
  let shapeHashes: number[] = [];
  // A word's sums are kept on its memoised information (`weights`), so they go when it does;
  // `owner` tells this scorer's current tables from another's or from before they started again.
  let owner = {};
  let edge = wordSumsOf(owner, 0);
  // By the bits of a document hint * 16 + position (with 8 for a line in capitals).
  let documents = new Map<number, Sums>();
  let generation = 0;
  const reset = () => {
    shapeIds = new Map([[BOUNDARY, 0]]);
    shapeHashes = [BOUNDARY];
    owner = {};
    edge = wordSumsOf(owner, 0);
    documents = new Map();
    generation++;
  };
  reset();
  const shapeId = (hash: number): number => {
    let id = shapeIds.get(hash);
    if (id === undefined) {
      if (shapeHashes.length >= MAX_SHAPES) reset();
      id = shapeHashes.length;
      shapeIds.set(hash, id);
      shapeHashes.push(hash);
    }
    return id;
  };
  const wordSums = (info: WordInfo): WordSums => {
    const kept = info.weights as WordSums | undefined;
    if (kept !== undefined && kept.owner === owner) return kept;
    const w = wordSumsOf(owner, shapeId(info.shortHash));
    // The shape's number may have started the tables again: the sums belong to the new ones.
    w.owner = owner;
    info.weights = w;
    return w;
  };
  /** The word's sums of every token of a sentence; the same table for all (a sentence may fill it and start it again). */
  const sentenceSums = (infos: WordInfo[]): WordSums[] | null => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const before = generation;
      const ws = infos.map(wordSums);
      if (generation === before) return ws;
    }
    return null;
  };
  const own = (w: WordSums, info: WordInfo, pos: number): Sums =>
    (w.at[pos] ??= sumOf((f) => {
      ownFeatures(f, info);
      positionFeatures(f, info.shortHash, pos);
    }));
  /** The word (null: the sentence's edge) right before a token of shape `shape`. */
  const before = (w: WordSums, info: WordInfo | null, shape: number): Sums =>
    (w.before[shape] ??= sumOf((f) => {
      const hash = shapeHashes[shape] as number;
      neighbourFeatures(f, 1, info);
      f.push(shapeBeforeFeature(info?.shortHash ?? BOUNDARY, hash), wordBeforeFeature(info?.lowerHash ?? BOUNDARY, hash));
    }));
  /** The word (null: the sentence's edge) right after a token of shape `shape`. */
  const after = (w: WordSums, info: WordInfo | null, shape: number): Sums =>
    (w.after[shape] ??= sumOf((f) => {
      const hash = shapeHashes[shape] as number;
      neighbourFeatures(f, 2, info);
      f.push(shapeAfterFeature(hash, info?.shortHash ?? BOUNDARY), wordAfterFeature(hash, info?.lowerHash ?? BOUNDARY));
    }));
  const twoBefore = (w: WordSums, info: WordInfo | null): Sums => (w.twoBefore ??= sumOf((f) => neighbourFeatures(f, 0, info)));
  const twoAfter = (w: WordSums, info: WordInfo | null): Sums => (w.twoAfter ??= sumOf((f) => neighbourFeatures(f, 3, info)));
  const documentSums = (bits: number, pos: number, capsLine: boolean): Sums => {
    const key = bits * 16 + pos + (capsLine ? 8 : 0);
    let sums = documents.get(key);
    if (sums === undefined) {
      if (documents.size >= MAX_ENTRIES) documents.clear();
      sums = sumOf((f) => documentFeatures(f, bits, pos, capsLine));
      documents.set(key, sums);
    }
    return sums;
  };

  /** The scores from the features themselves, for a sentence of more shapes than a table holds. */
  const slowly = (s: Sentence, infos: WordInfo[], hints: DocumentHints): Float64Array => {
    const out = new Float64Array(s.tokens.length * TAG_COUNT);
    sentenceFeatures(s, hints, mask, infos).forEach((row, i) => {
      addWeights(model, row, 0, row.length, out, i * TAG_COUNT);
      for (let k = 0; k < TAG_COUNT; k++) out[i * TAG_COUNT + k] = (out[i * TAG_COUNT + k] as number) * model.scale;
    });
    return out;
  };

  return {
    score(s, infos, hints) {
      const ws = sentenceSums(infos);
      if (ws === null) return slowly(s, infos, hints);
      const ts = s.tokens;
      const n = ts.length;
      const out = new Float64Array(n * TAG_COUNT);
      for (let i = 0; i < n; i++) {
        const t = ts[i] as Token;
        const info = infos[i] as WordInfo;
        const w = ws[i] as WordSums;
        const pos = positionOf(i, t);
        const a = own(w, info, pos);
        const b = i >= 2 ? twoBefore(ws[i - 2] as WordSums, infos[i - 2] as WordInfo) : twoBefore(edge, null);
        const c = i >= 1 ? before(ws[i - 1] as WordSums, infos[i - 1] as WordInfo, w.shape) : before(edge, null, w.shape);
        const d = i + 1 < n ? after(ws[i + 1] as WordSums, infos[i + 1] as WordInfo, w.shape) : after(edge, null, w.shape);
        const e = i + 2 < n ? twoAfter(ws[i + 2] as WordSums, infos[i + 2] as WordInfo) : twoAfter(edge, null);
        const bits = takesHints(t) ? (hints.get(info.folded) ?? 0) : 0;
        const g = bits === 0 ? ZERO : documentSums(bits, pos, s.capsLine);
        let h: Sums = ZERO;
        if (s.capsLine) h = w.caps ??= sumOf((f) => capsLineFeatures(f, info));
        let k: Sums = ZERO;
        if (t.headline) k = w.headline ??= sumOf((f) => headlineFeatures(f, info));
        // Whole numbers: the same sum in any order.
        const base = i * TAG_COUNT;
        for (let x = 0; x < TAG_COUNT; x++) {
          const sum = (a[x] as number) + (b[x] as number) + (c[x] as number) + (d[x] as number) + (e[x] as number) + (g[x] as number) + (h[x] as number) + (k[x] as number);
          out[base + x] = sum * model.scale;
        }
      }
      return out;
    },
  };
}
