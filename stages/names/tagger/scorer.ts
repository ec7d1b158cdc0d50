// The per-tag scores of a sentence's tokens under a loaded model, summed group by group. Each group
// of features (features.ts) is a function of one or two small values: a word, a word and a shape,
// two shapes, a position. News repeats its words and its shapes, so each group's weights are
// looked up once per distinct value and the sum is reused: a token costs six additions of nine
// numbers instead of some thirty lookups in the model's table. The sums live in one bounded array
// (an arena), a word's groups are offsets into it: no object per sum for the collector to follow. The weights are whole numbers
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
import { addWeights, type Model, rowOf, TAG_COUNT } from './model.ts';

/** A group's sums: the offset of its `TAG_COUNT` numbers in the scorer's arena. */
type Sums = number;

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
  at: Sums[];
  twoBefore: Sums | undefined;
  twoAfter: Sums | undefined;
  before: Sums[];
  after: Sums[];
  caps: Sums | undefined;
  headline: Sums | undefined;
}

/** The arena's first group, all zeros: for a group a token does not have, and where a word's tables have no sums yet. */
const ZERO = 0;

/** Every field set at once: objects of one layout keep property reads fast. */
const wordSumsOf = (owner: object, shape: number): WordSums => ({
  owner,
  shape,
  at: [ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO],
  twoBefore: undefined,
  twoAfter: undefined,
  before: [],
  after: [],
  caps: undefined,
  headline: undefined,
});

/** The sums a word's table by shape keeps at `shape`, ZERO for none yet. */
const keptAt = (table: Sums[], shape: number): Sums => (shape < table.length ? (table[shape] as Sums) : ZERO);

/** Keeps `sums` at `shape` of a word's table. The table grows with zeros, not holes: an array of small integers without holes is read fastest. */
function keep(table: Sums[], shape: number, sums: Sums): Sums {
  while (table.length < shape) table.push(ZERO);
  table[shape] = sums;
  return sums;
}

/** Shapes numbered at most (punctuation marks are shapes of their own): then every table starts again. */
const MAX_SHAPES = 1024;
/** Groups the arena holds (2^19 of nine 32-bit numbers: 19 MB): then every table starts again. */
const MAX_GROUPS = 1 << 19;
/** Entries the table of document hints keeps before it starts again. */
const MAX_ENTRIES = 100_000;

export interface Scorer {
  /**
   * Per-tag scores (scaled) of the sentence's tokens, `TAG_COUNT` a token, in the first
   * `tokens.length * TAG_COUNT` numbers of an array the scorer may keep and write again at the
   * next call (a typed array made per sentence cost as much as the sums in it).
   */
  score(s: Sentence, infos: WordInfo[], hints: DocumentHints): Float64Array;
}

/** `groups`: the arena's size in groups (tests make it small, to see it start again). */
export function createScorer(model: Model, groups = MAX_GROUPS): Scorer {
  const mask = (1 << model.bits) - 1;
  const f: number[] = [];
  // Whole-number weights (a loaded model's 16-bit steps) sum exactly in 32 bits; a model in
  // training has fractional weights, and is scored feature by feature.
  const whole = model.emit instanceof Int16Array;
  const arena = new Int32Array(whole ? groups * TAG_COUNT : 0);
  let used = 1;
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
    used = 1;
    shapeIds = new Map([[BOUNDARY, 0]]);
    shapeHashes = [BOUNDARY];
    owner = {};
    edge = wordSumsOf(owner, 0);
    documents = new Map();
    generation++;
  };
  reset();
  const { emit, rows } = model;
  /**
   * The unscaled weights of the features in `f` (which the caller fills), summed straight into a
   * new group of the arena: no closure, no array of sums to copy in.
   */
  const store = (): Sums => {
    if (used >= groups) reset();
    const at = used * TAG_COUNT;
    used++;
    arena.fill(0, at, at + TAG_COUNT);
    for (let k = 0; k < f.length; k++) {
      const bucket = (f[k] as number) & mask;
      const r = rows === undefined ? bucket : rowOf(rows, bucket);
      if (r < 0) continue;
      const row = r * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) arena[at + t] = (arena[at + t] as number) + (emit[row + t] as number);
    }
    return at;
  };
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
  const own = (w: WordSums, info: WordInfo, pos: number): Sums => {
    const kept = w.at[pos] as Sums;
    if (kept !== ZERO) return kept;
    f.length = 0;
    ownFeatures(f, info);
    positionFeatures(f, info.shortHash, pos);
    return (w.at[pos] = store());
  };
  /**
   * The word (null: the sentence's edge) right before (`side` 1) or after (`side` 2) a token of
   * shape `shape`: its neighbour features and the shape-and-word pairs, in the token's order.
   */
  const neighbour = (side: 1 | 2, w: WordSums, info: WordInfo | null, shape: number): Sums => {
    const slots = side === 1 ? w.before : w.after;
    const kept = keptAt(slots, shape);
    if (kept !== ZERO) return kept;
    const hash = shapeHashes[shape] as number;
    const short = info?.shortHash ?? BOUNDARY, lower = info?.lowerHash ?? BOUNDARY;
    f.length = 0;
    neighbourFeatures(f, side, info);
    if (side === 1) f.push(shapeBeforeFeature(short, hash), wordBeforeFeature(lower, hash));
    else f.push(shapeAfterFeature(hash, short), wordAfterFeature(hash, lower));
    return keep(slots, shape, store());
  };
  /** The word two before (`k` 0) or two after (3) a token: its neighbour features. */
  const twoAway = (k: 0 | 3, info: WordInfo | null): Sums => {
    f.length = 0;
    neighbourFeatures(f, k, info);
    return store();
  };
  const twoBefore = (w: WordSums, info: WordInfo | null): Sums => (w.twoBefore ??= twoAway(0, info));
  const twoAfter = (w: WordSums, info: WordInfo | null): Sums => (w.twoAfter ??= twoAway(3, info));
  const documentSums = (bits: number, pos: number, capsLine: boolean): Sums => {
    const key = bits * 16 + pos + (capsLine ? 8 : 0);
    let sums = documents.get(key);
    if (sums === undefined) {
      if (documents.size >= MAX_ENTRIES) documents.clear();
      f.length = 0;
      documentFeatures(f, bits, pos, capsLine);
      sums = store();
      documents.set(key, sums);
    }
    return sums;
  };

  const capsSums = (info: WordInfo): Sums => {
    f.length = 0;
    capsLineFeatures(f, info);
    return store();
  };
  const headlineSums = (info: WordInfo): Sums => {
    f.length = 0;
    headlineFeatures(f, info);
    return store();
  };

  /** The scores from the features themselves: a model in training, or a sentence of more than the tables hold. */
  const slowly = (s: Sentence, infos: WordInfo[], hints: DocumentHints): Float64Array => {
    const out = new Float64Array(s.tokens.length * TAG_COUNT);
    sentenceFeatures(s, hints, mask, infos).forEach((row, i) => {
      addWeights(model, row, 0, row.length, out, i * TAG_COUNT);
      for (let k = 0; k < TAG_COUNT; k++) out[i * TAG_COUNT + k] = (out[i * TAG_COUNT + k] as number) * model.scale;
    });
    return out;
  };

  /** The scores from the tables, or false when they started again on the way (the sums read before are gone). */
  const quickly = (s: Sentence, infos: WordInfo[], hints: DocumentHints, out: Float64Array): boolean => {
    const start = generation;
    // Every word's sums are made current first (`info.weights`), then read.
    for (const info of infos) wordSums(info);
    if (generation !== start) return false;
    const ts = s.tokens;
    const n = ts.length;
    const scale = model.scale;
    const capsLine = s.capsLine;
    // The sentence's edge of these tables: should they start again on the way, the shapes' numbers
    // read from the words are of before, and must not reach the new edge (a sum kept there under
    // another shape's number would stay).
    const border = edge;
    for (let i = 0; i < n; i++) {
      const t = ts[i] as Token;
      const info = infos[i] as WordInfo;
      const w = info.weights as WordSums;
      const pos = positionOf(i, t);
      const a = own(w, info, pos);
      const b = i >= 2 ? twoBefore((infos[i - 2] as WordInfo).weights as WordSums, infos[i - 2] as WordInfo) : twoBefore(border, null);
      const c = i >= 1 ? neighbour(1, (infos[i - 1] as WordInfo).weights as WordSums, infos[i - 1] as WordInfo, w.shape) : neighbour(1, border, null, w.shape);
      const d = i + 1 < n ? neighbour(2, (infos[i + 1] as WordInfo).weights as WordSums, infos[i + 1] as WordInfo, w.shape) : neighbour(2, border, null, w.shape);
      const e = i + 2 < n ? twoAfter((infos[i + 2] as WordInfo).weights as WordSums, infos[i + 2] as WordInfo) : twoAfter(border, null);
      const bits = takesHints(t) ? (hints.get(info.folded) ?? 0) : 0;
      const g = bits === 0 ? ZERO : documentSums(bits, pos, capsLine);
      const h = capsLine ? (w.caps ??= capsSums(info)) : ZERO;
      const k = t.headline ? (w.headline ??= headlineSums(info)) : ZERO;
      if (generation !== start) return false;
      // Whole numbers: the same sum in any order. Most tokens have no document hint and stand in
      // no line of capitals or headline: those three groups are zeros, and not read.
      const base = i * TAG_COUNT;
      if (g === ZERO && h === ZERO && k === ZERO) {
        for (let x = 0; x < TAG_COUNT; x++) {
          const sum = (arena[a + x] as number) + (arena[b + x] as number) + (arena[c + x] as number) + (arena[d + x] as number) + (arena[e + x] as number);
          out[base + x] = sum * scale;
        }
        continue;
      }
      for (let x = 0; x < TAG_COUNT; x++) {
        const sum =
          (arena[a + x] as number) + (arena[b + x] as number) + (arena[c + x] as number) + (arena[d + x] as number) +
          (arena[e + x] as number) + (arena[g + x] as number) + (arena[h + x] as number) + (arena[k + x] as number);
        out[base + x] = sum * scale;
      }
    }
    return true;
  };

  // Sentences of up to 1,024 tokens are scored into one array kept for them; a longer one
  // (hostile text) gets its own, so that the kept one stays small.
  const kept = new Float64Array(1024 * TAG_COUNT);
  return {
    score(s, infos, hints) {
      if (!whole) return slowly(s, infos, hints);
      const out = s.tokens.length * TAG_COUNT <= kept.length ? kept : new Float64Array(s.tokens.length * TAG_COUNT);
      // Twice at most: the second time the tables are fresh, and only a sentence of more than they hold fails again.
      if (quickly(s, infos, hints, out) || quickly(s, infos, hints, out)) return out;
      return slowly(s, infos, hints);
    },
  };
}
