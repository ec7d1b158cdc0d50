// The per-tag scores of a sentence's tokens under a loaded model, summed group by group. Each group
// of features (features.ts) is a function of one or two small values: a word, a word and a shape,
// two shapes, a position. News repeats its words and its shapes, so each group's weights are
// looked up once per distinct value and the sum is reused: a token costs six additions of nine
// numbers instead of some thirty lookups in the model's table. The sums live in one bounded array
// (an arena), and a word's groups are offsets into it kept in typed arrays by a number the scorer
// gives the word: no object per word or per sum for the collector to copy and follow (a dump's
// new words made more of them than of anything else). The weights are whole numbers
// (16-bit steps of the model's scale), so the sums are exact in any order and the scores are the
// same as `sentenceFeatures` and `decode` give (scorer.test.ts checks it).
import {
  BOUNDARY,
  capsLineFeatures,
  type DocumentHints,
  documentFeatures,
  FeatureList,
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

if (TAG_COUNT !== 9) throw new Error('names scorer: written for nine tags');

/** A group's sums: the offset of its `TAG_COUNT` numbers in the scorer's arena. */
type Sums = number;

/** The arena's first group, all zeros (never written): for a group a token does not have, and where a word's tables have no sums yet. */
const ZERO = 0;

/** Shapes numbered at most (punctuation marks are shapes of their own): then every table starts again. */
const MAX_SHAPES = 1024;
/**
 * Groups the arena holds (2^18 of nine 32-bit numbers: 9.4 MB): then every table starts again. A
 * dump fills it after about 51,000 new words (about five groups a word), every 3 MB of the bench
 * dump. Measured on its first 30 MB in turn (two pairs, one worker, no stage files): 2^19 (19 MB)
 * peaked at 616 and 608 MB, 2^18 at 607 and 594 for the same CPU (1,506 and 1,460 CPU ms per MB
 * against 1,326 and 1,473); 2^17 saved 28 MB more but cost 3 to 10 % more CPU.
 */
const MAX_GROUPS = 1 << 18;
/** Words numbered at most (their tables: 11.5 MB), above the about 51,000 the arena holds sums for: then every table starts again. */
const MAX_WORDS = 1 << 16;
/** A word's sums beside a token of one of the first shapes numbered are kept in a dense table; beside the others, in a map. */
const NEAR_SHAPES = 16;
/** Entries the table of document hints keeps before it starts again. */
const MAX_ENTRIES = 100_000;
/** Groups a token may add: its own, the words two before, before, after and two after, the document hint, the line in capitals, the headline. */
const GROUPS_PER_TOKEN = 8;

// Every scorer's tables, each time they start again, take the next number: a word's information
// keeps the number of the tables that numbered it (`sumsGeneration`), and no two are alike.
let lastGeneration = 0;

export interface Scorer {
  /**
   * Per-tag scores (scaled) of the sentence's tokens `from` to `to` (excluded; the whole sentence
   * unless said), `TAG_COUNT` a token, in the first `(to - from) * TAG_COUNT` numbers of an array
   * the scorer may keep and write again at the next call (a typed array made per sentence cost as
   * much as the sums in it). Each token's score is the one it has in the whole sentence: the
   * information of the tokens two before `from` to two after `to` is read (`infos`, the
   * sentence's, may hold `UNREAD` elsewhere).
   */
  score(s: Sentence, infos: WordInfo[], hints: DocumentHints, from?: number, to?: number): Float64Array;
}

/** `groups`: the arena's size in groups (tests make it small, to see it start again). */
export function createScorer(model: Model, groups: number = MAX_GROUPS): Scorer {
  const mask = (1 << model.bits) - 1;
  const f = new FeatureList();
  // Whole-number weights (a loaded model's 16-bit steps) sum exactly in 32 bits; a model in
  // training has fractional weights, and is scored feature by feature.
  const whole = model.emit instanceof Int16Array;
  const arena = new Int32Array(whole ? groups * TAG_COUNT : 0);
  let used = 1;
  // Shape hashes numbered 1, 2, ... (0 is the sentence's edge), so that the tables by shape are arrays.
  let shapeIds = new Map<number, number>();
  let shapeHashes: number[] = [];
  // A word's tables, by its number (0 is the sentence's edge): its short shape's number; its own
  // features with its position (8 a word); as the word two before and two after a token; in a
  // line in capitals and in a headline; right before and after a token, by the token's shape.
  const words = whole ? MAX_WORDS : 0;
  const shapeOf = new Int32Array(words);
  const at = new Int32Array(words * 8);
  const twoAway = new Int32Array(words * 2);
  const headings = new Int32Array(words * 2);
  const near = new Int32Array(words * 2 * NEAR_SHAPES);
  let far = new Map<number, Sums>();
  let nextWord = 1;
  // By the bits of a document hint * 16 + position (with 8 for a line in capitals).
  let documents = new Map<number, Sums>();
  let generation = 0;
  /** Set when a sentence's sums did not all fit in the arena (its scores are then worked out `slowly`). */
  let overflow = false;
  const reset = () => {
    // Only what the last tables wrote is cleared.
    at.fill(ZERO, 0, nextWord * 8);
    twoAway.fill(ZERO, 0, nextWord * 2);
    headings.fill(ZERO, 0, nextWord * 2);
    near.fill(ZERO, 0, nextWord * 2 * NEAR_SHAPES);
    far = new Map();
    nextWord = 1;
    used = 1;
    shapeIds = new Map([[BOUNDARY, 0]]);
    shapeHashes = [BOUNDARY];
    documents = new Map();
    generation = ++lastGeneration;
  };
  reset();
  const { emit, rows } = model;
  /**
   * The unscaled weights of the features in `f` (which the caller fills), summed straight into a
   * new group of the arena: no closure, no array of sums to copy in.
   */
  const store = (): Sums => {
    if (used >= groups) {
      overflow = true;
      return ZERO;
    }
    // Summed in nine locals (one a tag, as Viterbi reads them), written once: the arena's numbers
    // are neither cleared nor read first.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    const features = f.values;
    for (let k = 0; k < f.length; k++) {
      const bucket = (features[k] as number) & mask;
      const r = rows === undefined ? bucket : rowOf(rows, bucket);
      if (r < 0) continue;
      const row = r * TAG_COUNT;
      s0 += emit[row] as number;
      s1 += emit[row + 1] as number;
      s2 += emit[row + 2] as number;
      s3 += emit[row + 3] as number;
      s4 += emit[row + 4] as number;
      s5 += emit[row + 5] as number;
      s6 += emit[row + 6] as number;
      s7 += emit[row + 7] as number;
      s8 += emit[row + 8] as number;
    }
    const group = used * TAG_COUNT;
    used++;
    arena[group] = s0;
    arena[group + 1] = s1;
    arena[group + 2] = s2;
    arena[group + 3] = s3;
    arena[group + 4] = s4;
    arena[group + 5] = s5;
    arena[group + 6] = s6;
    arena[group + 7] = s7;
    arena[group + 8] = s8;
    return group;
  };
  const shapeId = (hash: number): number => {
    let id = shapeIds.get(hash);
    if (id === undefined) {
      id = shapeHashes.length;
      shapeIds.set(hash, id);
      shapeHashes.push(hash);
    }
    return id;
  };
  /** The word's number in these tables, given now if it has none yet. */
  const wordOf = (info: WordInfo): number => {
    if (info.sumsGeneration === generation) return info.sumsIndex;
    const w = nextWord++;
    shapeOf[w] = shapeId(info.shortHash);
    info.sumsIndex = w;
    info.sumsGeneration = generation;
    return w;
  };
  const own = (w: number, info: WordInfo, pos: number): Sums => {
    const kept = at[w * 8 + pos] as Sums;
    if (kept !== ZERO) return kept;
    f.length = 0;
    ownFeatures(f, info);
    positionFeatures(f, info.shortHash, pos);
    return (at[w * 8 + pos] = store());
  };
  /**
   * The word `w` (`info`; 0 and null: the sentence's edge) right before (`side` 1) or after
   * (`side` 2) a token of shape `shape`: its neighbour features and the shape-and-word pairs, in
   * the token's order.
   */
  const neighbour = (side: 1 | 2, w: number, info: WordInfo | null, shape: number): Sums => {
    const slot = (w * 2 + side - 1) * NEAR_SHAPES + shape;
    const key = (w * 2 + side - 1) * MAX_SHAPES + shape;
    const kept = shape < NEAR_SHAPES ? (near[slot] as Sums) : (far.get(key) ?? ZERO);
    if (kept !== ZERO) return kept;
    const hash = shapeHashes[shape] as number;
    const short = info?.shortHash ?? BOUNDARY, lower = info?.lowerHash ?? BOUNDARY;
    f.length = 0;
    neighbourFeatures(f, side, info);
    if (side === 1) {
      f.push(shapeBeforeFeature(short, hash));
      f.push(wordBeforeFeature(lower, hash));
    } else {
      f.push(shapeAfterFeature(hash, short));
      f.push(wordAfterFeature(hash, lower));
    }
    const sums = store();
    if (shape < NEAR_SHAPES) near[slot] = sums;
    else far.set(key, sums);
    return sums;
  };
  /** The word `w` two before (`k` 0) or two after (3) a token: its neighbour features. */
  const twoAwaySums = (k: 0 | 3, w: number, info: WordInfo | null): Sums => {
    const slot = w * 2 + (k === 0 ? 0 : 1);
    const kept = twoAway[slot] as Sums;
    if (kept !== ZERO) return kept;
    f.length = 0;
    neighbourFeatures(f, k, info);
    return (twoAway[slot] = store());
  };
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
  /** A word in a line in capitals (`which` 0) or in a headline (1). */
  const headingSums = (which: 0 | 1, w: number, info: WordInfo): Sums => {
    const slot = w * 2 + which;
    const kept = headings[slot] as Sums;
    if (kept !== ZERO) return kept;
    f.length = 0;
    if (which === 0) capsLineFeatures(f, info);
    else headlineFeatures(f, info);
    return (headings[slot] = store());
  };

  /**
   * The scores from the features themselves: a model in training, or a sentence of more than the
   * tables hold. (Every token's features are worked out, those of tokens `from` to `to` kept.)
   */
  const slowly = (s: Sentence, infos: WordInfo[], hints: DocumentHints, from: number, to: number): Float64Array => {
    const out = new Float64Array((to - from) * TAG_COUNT);
    const rows = sentenceFeatures(s, hints, mask, infos);
    for (let i = from; i < to; i++) {
      const row = rows[i] as Int32Array;
      const base = (i - from) * TAG_COUNT;
      addWeights(model, row, 0, row.length, out, base);
      for (let k = 0; k < TAG_COUNT; k++) out[base + k] = (out[base + k] as number) * model.scale;
    }
    return out;
  };

  /**
   * Room in the tables for every sum and word and shape the sentence may add, starting them
   * again if need be: then none starts again in the middle of a sentence, where a word's number
   * or a shape's would be of the tables before. Only a word not numbered yet adds a word and may
   * add a shape. False when the sentence needs more than fresh tables hold (hostile text).
   * `lo` to `hi`: the tokens whose information is read; `scored`, how many are scored.
   */
  const roomFor = (infos: WordInfo[], lo: number, hi: number, scored: number): boolean => {
    if (fits(infos, lo, hi, scored)) return true;
    reset();
    // Eight groups a token is a bound, not a count: a sentence of many tokens but few words needs
    // far fewer. Fresh tables take it if its words fit; `store` says if its sums did not (`overflow`).
    return fits(infos, lo, hi, 0);
  };
  /**
   * Whether the tables have room for the new words and shapes of the tokens `lo` to `hi` (and
   * eight groups for each of `scored` tokens). A function of the scorer, not a closure made per
   * sentence: tsx names each closure it makes at run time (`__name`, a property defined on it), once a sentence.
   */
  const fits = (infos: WordInfo[], lo: number, hi: number, scored: number): boolean => {
    let fresh = 0;
    for (let i = lo; i < hi; i++) if ((infos[i] as WordInfo).sumsGeneration !== generation) fresh++;
    // A long sentence repeats its words (a table's rows, hostile text): count each word once
    // (a word's information is one object) before giving up on the tables.
    if (fresh > MAX_SHAPES) fresh = new Set(infos.slice(lo, hi).filter((info) => info.sumsGeneration !== generation)).size;
    return used + scored * GROUPS_PER_TOKEN <= groups && nextWord + fresh <= words && shapeHashes.length + fresh <= MAX_SHAPES;
  };

  /** The scores of the tokens `from` to `to` from the tables (`roomFor` the tokens `lo` to `hi` first). */
  const quickly = (s: Sentence, infos: WordInfo[], hints: DocumentHints, out: Float64Array, from: number, to: number, lo: number, hi: number): void => {
    const ts = s.tokens;
    const n = ts.length;
    for (let i = lo; i < hi; i++) wordOf(infos[i] as WordInfo);
    const scale = model.scale;
    const capsLine = s.capsLine;
    for (let i = from; i < to; i++) {
      const t = ts[i] as Token;
      const info = infos[i] as WordInfo;
      const w = info.sumsIndex;
      const shape = shapeOf[w] as number;
      const pos = positionOf(i, t);
      const a = own(w, info, pos);
      const b = i >= 2 ? twoAwaySums(0, (infos[i - 2] as WordInfo).sumsIndex, infos[i - 2] as WordInfo) : twoAwaySums(0, 0, null);
      const c = i >= 1 ? neighbour(1, (infos[i - 1] as WordInfo).sumsIndex, infos[i - 1] as WordInfo, shape) : neighbour(1, 0, null, shape);
      const d = i + 1 < n ? neighbour(2, (infos[i + 1] as WordInfo).sumsIndex, infos[i + 1] as WordInfo, shape) : neighbour(2, 0, null, shape);
      const e = i + 2 < n ? twoAwaySums(3, (infos[i + 2] as WordInfo).sumsIndex, infos[i + 2] as WordInfo) : twoAwaySums(3, 0, null);
      const bits = takesHints(t) ? hints.of(info) : 0;
      const g = bits === 0 ? ZERO : documentSums(bits, pos, capsLine);
      const h = capsLine ? headingSums(0, w, info) : ZERO;
      const k = t.headline ? headingSums(1, w, info) : ZERO;
      // Whole numbers: the same sum in any order. Most tokens have no document hint and stand in
      // no line of capitals or headline: those three groups are zeros, and not read.
      const base = (i - from) * TAG_COUNT;
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
  };

  // Sentences of up to 1,024 tokens are scored into one array kept for them; a longer one
  // (hostile text) gets its own, so that the kept one stays small.
  const kept = new Float64Array(1024 * TAG_COUNT);
  return {
    score(s, infos, hints, from = 0, to = s.tokens.length) {
      if (!whole) return slowly(s, infos, hints, from, to);
      // The tokens read: the features of a token reach two to either side (`OFFSETS`).
      const lo = Math.max(0, from - 2);
      const hi = Math.min(s.tokens.length, to + 2);
      if (!roomFor(infos, lo, hi, to - from)) return slowly(s, infos, hints, from, to);
      const out = (to - from) * TAG_COUNT <= kept.length ? kept : new Float64Array((to - from) * TAG_COUNT);
      overflow = false;
      quickly(s, infos, hints, out, from, to, lo, hi);
      if (!overflow) return out;
      // Sums that did not fit read as zeros: the tables start again, and these tokens are scored from their features.
      reset();
      return slowly(s, infos, hints, from, to);
    },
  };
}
