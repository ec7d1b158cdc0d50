// The tagger's model: a weight per (feature hash bucket, tag), a weight per tag pair, and Viterbi
// decoding over BIO tags of the four CoNLL types. Stored as a small binary file (see
// data/tagger.md): the buckets that carry weight, delta-coded, and their weights in 16 bits
// (8 bits lost a point and a half of F1).
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT: number = TAGS.length;

export interface Model {
  /** log2 of the number of feature buckets. */
  bits: number;
  /** row * TAG_COUNT + tag → weight (times `scale`); the row is the bucket, or its slot in `rows`. */
  emit: Float32Array | Int16Array;
  /**
   * A loaded model keeps only the buckets that carry weight, in bucket order, and finds a
   * bucket's row by its rank (`rankTable`): one bit a bucket, whether it carries weight, and
   * beside each 32 of them the number of rows before. Those 256 KB stay in the processor's cache
   * (the full table of 2^20 rows does not, and reading it cost more than all the rest of the
   * tagger; an open-addressing table of 2 MB cost a miss of the cache before the row's own).
   */
  rows?: Uint32Array;
  scale: number;
  /** prev * TAG_COUNT + tag. */
  transition: Float32Array;
  /** Weight of a sentence opening with each tag. */
  start: Float32Array;
}

/** I-X may follow only B-X or I-X. */
export function allowed(prev: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true;
  return prev === tag || prev === tag - 1;
}

/** The set bits of a 32-bit number. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The rank table of a loaded model's buckets (sorted, each once), for `rowOf`: for each 32
 * buckets, a word of their bits (set: the bucket carries weight) and the number of rows before
 * them, side by side, so that one read of memory finds both.
 */
export function rankTable(buckets: Uint32Array, bits: number): Uint32Array {
  const words = Math.ceil(2 ** bits / 32);
  const table = new Uint32Array(words * 2);
  for (const b of buckets) table[(b >>> 5) * 2] = ((table[(b >>> 5) * 2] as number) | (1 << (b & 31))) >>> 0;
  let before = 0;
  for (let w = 0; w < words; w++) {
    table[w * 2 + 1] = before;
    before += popcount(table[w * 2] as number);
  }
  return table;
}

/** The row of a bucket in a loaded model's table (its rank among the buckets with weight), or -1 when the bucket carries none. */
export function rowOf(rows: Uint32Array, bucket: number): number {
  const at = (bucket >>> 5) * 2;
  const word = rows[at] as number;
  const bit = bucket & 31;
  if (((word >>> bit) & 1) === 0) return -1;
  // The rows of the set bits below this one in the word, after those of the words before.
  return (rows[at + 1] as number) + (bit === 0 ? 0 : popcount(word & (0xffffffff >>> (32 - bit))));
}

/**
 * What a token's features weigh for each tag before scaling: the weights are whole numbers (16-bit
 * steps of `scale`), so a sum is exact whatever its order, and a part of it can be summed once and
 * reused (see scorer.ts).
 */
export function addWeights(model: Model, f: ArrayLike<number>, from: number, to: number, out: Float64Array, base: number): void {
  const { emit, rows } = model;
  for (let k = from; k < to; k++) {
    const r = rows === undefined ? (f[k] as number) : rowOf(rows, f[k] as number);
    if (r < 0) continue;
    const row = r * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) out[base + t] = (out[base + t] as number) + (emit[row + t] as number);
  }
}

/** Per-token, per-tag scores of a sentence's features (bucket indices). */
function emissions(model: Model, features: ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(features.length * TAG_COUNT);
  const { scale } = model;
  for (let i = 0; i < features.length; i++) {
    const f = features[i] as ArrayLike<number>;
    const base = i * TAG_COUNT;
    addWeights(model, f, 0, f.length, out, base);
    for (let t = 0; t < TAG_COUNT; t++) out[base + t] = (out[base + t] as number) * scale;
  }
  return out;
}

/** Transition weights with the forbidden pairs (O then I-X) at -Infinity (the model may be training: made per call). */
export function maskedTransitions(model: Model): Float64Array {
  const m = new Float64Array(TAG_COUNT * TAG_COUNT);
  for (let p = 0; p < TAG_COUNT; p++) {
    for (let t = 0; t < TAG_COUNT; t++) m[p * TAG_COUNT + t] = allowed(p, t) ? (model.transition[p * TAG_COUNT + t] as number) : -Infinity;
  }
  return m;
}

/** The best tag sequence (indices into TAGS) for a sentence's feature buckets. */
export function decode(model: Model, features: ArrayLike<number>[]): number[] {
  if (features.length === 0) return [];
  return viterbi(model, emissions(model, features), features.length, maskedTransitions(model));
}

// Viterbi's tables, kept from one sentence to the next (every cell read is written first): a
// sentence costs no allocation for the collector to clear. A sentence longer than they hold
// (hostile text: thousands of words without a full stop) gets tables of its own, not kept.
const KEPT_TOKENS = 1024;
const scoreTable = new Float64Array(KEPT_TOKENS * TAG_COUNT);
const backTable = new Int8Array(KEPT_TOKENS * TAG_COUNT);

/**
 * The best tag sequence for `n` tokens' per-tag scores `e` (n * TAG_COUNT), given `maskedTransitions(model)`.
 * The tokens may be a part of a sentence whose other tokens are O (see `nameSegments` in tag.ts):
 * `afterO`, a token tagged O stands before the first one (it opens from O's transitions, not the
 * sentence's start weights, and never on I-X); `beforeO`, one stands after the last (its tag's
 * transition to O counts). The sequence is then the best of the whole sentence with those tokens O.
 */
export function viterbi(model: Model, e: Float64Array, n: number, trans: Float64Array, afterO = false, beforeO = false): number[] {
  if (n === 0) return [];
  const kept = n <= KEPT_TOKENS;
  const score = kept ? scoreTable : new Float64Array(n * TAG_COUNT);
  const back = kept ? backTable : new Int8Array(n * TAG_COUNT);
  const T = TAG_COUNT;
  // A sentence cannot open inside an entity (I-X); nor can a part of one after an O (its transition is -Infinity).
  if (afterO) for (let t = 0; t < T; t++) score[t] = (e[t] as number) + (trans[t] as number);
  else for (let t = 0; t < T; t++) score[t] = t === 0 || t % 2 === 1 ? (e[t] as number) + (model.start[t] as number) : -Infinity;
  for (let i = 1; i < n; i++) {
    const here = i * T;
    const before = here - T;
    // The previous token's nine scores, read once. O and B-X may follow any tag: the best of the
    // nine, written out (the first best wins, as in a loop from 0); I-X only B-X or I-X (`allowed`).
    const s0 = score[before] as number, s1 = score[before + 1] as number, s2 = score[before + 2] as number;
    const s3 = score[before + 3] as number, s4 = score[before + 4] as number, s5 = score[before + 5] as number;
    const s6 = score[before + 6] as number, s7 = score[before + 7] as number, s8 = score[before + 8] as number;
    for (let t = 0; t < T; t += t === 0 ? 1 : 2) {
      let best = s0 + (trans[t] as number);
      let arg = 0;
      let s: number;
      if ((s = s1 + (trans[T + t] as number)) > best) (best = s), (arg = 1);
      if ((s = s2 + (trans[2 * T + t] as number)) > best) (best = s), (arg = 2);
      if ((s = s3 + (trans[3 * T + t] as number)) > best) (best = s), (arg = 3);
      if ((s = s4 + (trans[4 * T + t] as number)) > best) (best = s), (arg = 4);
      if ((s = s5 + (trans[5 * T + t] as number)) > best) (best = s), (arg = 5);
      if ((s = s6 + (trans[6 * T + t] as number)) > best) (best = s), (arg = 6);
      if ((s = s7 + (trans[7 * T + t] as number)) > best) (best = s), (arg = 7);
      if ((s = s8 + (trans[8 * T + t] as number)) > best) (best = s), (arg = 8);
      score[here + t] = best + (e[here + t] as number);
      back[here + t] = arg;
    }
    for (let t = 2; t < T; t += 2) {
      const fromB = (score[before + t - 1] as number) + (trans[(t - 1) * T + t] as number);
      const fromI = (score[before + t] as number) + (trans[t * T + t] as number);
      score[here + t] = (fromI > fromB ? fromI : fromB) + (e[here + t] as number);
      back[here + t] = fromI > fromB ? t : t - 1;
    }
  }
  let last = 0;
  const end = (n - 1) * T;
  if (beforeO) {
    for (let t = 1; t < T; t++) if ((score[end + t] as number) + (trans[t * T] as number) > (score[end + last] as number) + (trans[last * T] as number)) last = t;
  } else {
    for (let t = 1; t < T; t++) if ((score[end + t] as number) > (score[end + last] as number)) last = t;
  }
  const tags = new Array<number>(n);
  tags[n - 1] = last;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + (tags[i] as number)] as number;
  return tags;
}

const MAGIC = 0x3254_4e4e; // "NNT2"

/** The model as bytes: header, transitions, then the buckets with any weight and their 16-bit weights. */
export function serialize(model: { bits: number; emit: Float32Array; transition: Float32Array; start: Float32Array }): Buffer {
  let max = 0;
  for (const w of model.emit) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  const buckets: number[] = [];
  const weights: number[] = [];
  for (let b = 0; b < 1 << model.bits; b++) {
    const q = [];
    let any = false;
    for (let t = 0; t < TAG_COUNT; t++) {
      const v = Math.round((model.emit[b * TAG_COUNT + t] as number) / scale);
      q.push(v);
      if (v !== 0) any = true;
    }
    if (!any) continue;
    buckets.push(b);
    weights.push(...q);
  }
  const varints: number[] = [];
  let prev = 0;
  for (const b of buckets) {
    let d = b - prev;
    prev = b;
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    varints.push(d);
  }
  const header = Buffer.alloc(16);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(model.bits, 4);
  header.writeFloatLE(scale, 8);
  header.writeUInt32LE(buckets.length, 12);
  const trans = Buffer.from(new Float32Array([...model.transition, ...model.start]).buffer);
  return Buffer.concat([header, trans, Buffer.from(varints), Buffer.from(Int16Array.from(weights).buffer)]);
}

export function deserialize(bytes: Buffer): Model {
  if (bytes.readUInt32LE(0) !== MAGIC) throw new Error('names tagger: not a model file');
  const bits = bytes.readUInt32LE(4);
  const scale = bytes.readFloatLE(8);
  const count = bytes.readUInt32LE(12);
  let at = 16;
  const floats = new Float32Array(TAG_COUNT * TAG_COUNT + TAG_COUNT);
  for (let k = 0; k < floats.length; k++, at += 4) floats[k] = bytes.readFloatLE(at);
  const buckets = new Uint32Array(count);
  let b = 0;
  for (let k = 0; k < count; k++) {
    let d = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++] as number;
      d |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    b += d;
    buckets[k] = b;
  }
  // Copied out: the buffer's offset need not be even.
  const weights = new Int16Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * TAG_COUNT * 2));
  for (let k = 1; k < count; k++) if ((buckets[k] as number) <= (buckets[k - 1] as number)) throw new Error('names tagger: buckets out of order');
  const rows = rankTable(buckets, bits);
  return {
    bits,
    emit: weights,
    rows,
    scale,
    transition: floats.slice(0, TAG_COUNT * TAG_COUNT),
    start: floats.slice(TAG_COUNT * TAG_COUNT),
  };
}

/**
 * The model as stored: gzip (a third of the bytes; unpacked in about 8 ms). Packing it again at
 * each `npm pack` cost more than a second of CPU, as weights compress slowly.
 */
export function loadModel(file: string): Model {
  return deserialize(gunzipSync(readFileSync(file)));
}

/** The bytes of `serialize` as the model file holds them (no name or time in the header: the same bytes each time). */
export function packModel(bytes: Uint8Array): Buffer {
  return gzipSync(bytes, { level: 9 });
}
