// npm run train:names: trains the names tagger (an averaged perceptron over BIO tags, Viterbi
// decoding) on the CoNLL-2003 English and CoNLL-2002 Spanish training sets, writes
// data/tagger.bin.gz, and prints person figures on the development sets. Deterministic: the files are
// read in a fixed order, the sentences shuffled with a fixed seed, and float arithmetic is the same
// on every run, so the model file is byte-identical.
//
//   npm run train:names [-- --epochs N --bits B --out FILE --files A.train,B.train]
// Data: $NEWSNORM_TRAIN (default ../shared/train) /names/*.train; dev sets: $NEWSNORM_EVAL_DEV
// (default ../shared/eval-dev) /names.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tokenize, type Token } from '../tokens.ts';
import { readConll, type ConllDocument } from './conll.ts';
import { allowed, decode, type Model, packModel, serialize, TAG_COUNT, TAGS } from './model.ts';
import { MODEL_FILE, runsOf, sentenceFeatures } from './tag.ts';

const { values } = parseArgs({
  options: { files: { type: 'string', default: 'conll2003-eng.train,conll2002-esp.train' }, epochs: { type: 'string', default: '5' }, bits: { type: 'string', default: '20' }, out: { type: 'string', default: MODEL_FILE } },
});
const epochs = Number(values.epochs);
const bits = Number(values.bits);
const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const trainRoot = path.resolve(process.env.NEWSNORM_TRAIN ?? path.join(projectRoot, '..', 'shared', 'train'), 'names');
const devRoot = path.resolve(process.env.NEWSNORM_EVAL_DEV ?? path.join(projectRoot, '..', 'shared', 'eval-dev'), 'names');
const TRAIN_FILES = (values.files as string).split(',');

interface Sequence {
  features: Int32Array[];
  gold: number[];
}

/** The gold BIO tag of each token: the entity its first character lies in. */
function goldTags(tokens: Token[], doc: ConllDocument): number[] {
  const tags: number[] = [];
  let e = 0;
  let lastEntity = -1;
  for (const t of tokens) {
    while (e < doc.entities.length && (doc.entities[e] as { end: number }).end <= t.start) e++;
    const entity = doc.entities[e];
    if (entity === undefined || t.start < entity.start || t.kind === 'break') {
      tags.push(0);
      continue;
    }
    const prefix = lastEntity === e ? 'I-' : 'B-';
    lastEntity = e;
    tags.push(TAGS.indexOf(`${prefix}${entity.type}` as (typeof TAGS)[number]));
  }
  return tags;
}

// Wire headlines in the training data are in capitals; news on the web writes them in Title Case.
// Each line in capitals is learned a second time in Title Case, with the same entities.
const CAPS_LINE = /^(?=.*\p{Lu}{3})[^\p{Ll}]+$/u;
const CAPITALS = /\p{Lu}+/gu;

function titleCased(doc: ConllDocument): ConllDocument | null {
  let text = '';
  const entities: ConllDocument['entities'] = [];
  let at = 0;
  for (const line of doc.text.split('\n')) {
    const end = at + line.length;
    if (CAPS_LINE.test(line)) {
      const titled = line.replace(CAPITALS, (w) => (w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w));
      if (titled.length === line.length) {
        if (text.length > 0) text += '\n';
        const shift = text.length - at;
        for (const e of doc.entities) if (e.start >= at && e.end <= end) entities.push({ ...e, start: e.start + shift, end: e.end + shift });
        text += titled;
      }
    }
    at = end + 1;
  }
  return text.length > 0 ? { text, entities } : null;
}

function sequencesOf(doc: ConllDocument): Sequence[] {
  const tokens = tokenize(doc.text);
  const gold = goldTags(tokens, doc);
  const index = new Map(tokens.map((t, i) => [t, i]));
  return sentenceFeatures(tokens, bits).map((s) => ({ features: s.features, gold: s.tokens.map((t) => gold[index.get(t) as number] as number) }));
}

/** mulberry32: a seeded generator, so the shuffle is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** arr[i] += v (typed arrays under noUncheckedIndexedAccess). */
function bump(arr: Float32Array | Float64Array, i: number, v: number) {
  arr[i] = (arr[i] as number) + v;
}

function train(sequences: Sequence[]): Model {
  const size = (1 << bits) * TAG_COUNT;
  const model = { bits, emit: new Float32Array(size), scale: 1, transition: new Float32Array(TAG_COUNT * TAG_COUNT), start: new Float32Array(TAG_COUNT) };
  // Averaging (Daumé's trick): keep the sum of c * update; the average is w - sum / c.
  const emitSum = new Float64Array(size);
  const transSum = new Float64Array(TAG_COUNT * TAG_COUNT);
  const startSum = new Float64Array(TAG_COUNT);
  const next = random(12);
  const order = sequences.map((_, i) => i);
  let c = 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let wrong = 0;
    let total = 0;
    for (const k of order) {
      const { features, gold } = sequences[k] as Sequence;
      const pred = decode(model, features);
      total += gold.length;
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i] as number;
        const p = pred[i] as number;
        if (g !== p) {
          wrong++;
          for (const f of features[i] as Int32Array) {
            bump(model.emit, f * TAG_COUNT + g, 1);
            bump(emitSum, f * TAG_COUNT + g, c);
            bump(model.emit, f * TAG_COUNT + p, -(1));
            bump(emitSum, f * TAG_COUNT + p, -(c));
          }
        }
        const gp = i === 0 ? -1 : (gold[i - 1] as number);
        const pp = i === 0 ? -1 : (pred[i - 1] as number);
        if (g === p && gp === pp) continue;
        if (i === 0) {
          bump(model.start, g, 1);
          bump(startSum, g, c);
          bump(model.start, p, -(1));
          bump(startSum, p, -(c));
        } else {
          bump(model.transition, gp * TAG_COUNT + g, 1);
          bump(transSum, gp * TAG_COUNT + g, c);
          bump(model.transition, pp * TAG_COUNT + p, -(1));
          bump(transSum, pp * TAG_COUNT + p, -(c));
        }
      }
      c++;
    }
    console.log(`epoch ${epoch}: ${((100 * wrong) / total).toFixed(2)} % of training tokens wrong`);
  }
  for (let i = 0; i < size; i++) bump(model.emit, i, -((emitSum[i] as number) / c));
  for (let i = 0; i < model.transition.length; i++) bump(model.transition, i, -((transSum[i] as number) / c));
  for (let i = 0; i < TAG_COUNT; i++) bump(model.start, i, -((startSum[i] as number) / c));
  void allowed;
  return model;
}

/** Person spans found by the tagger alone on a development set, against its gold (exact spans). */
function devFigures(model: Model, name: string, input: string, goldFile: string) {
  const read = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const gold = new Map(read(goldFile).map((g: { id: string; persons: { start: number; end: number }[] }) => [g.id, g.persons]));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const doc of read(input) as { id: string; text: string }[]) {
    const tokens = tokenize(doc.text);
    const spans = new Set<string>();
    for (const s of sentenceFeatures(tokens, model.bits)) {
      for (const r of runsOf(s.tokens, decode(model, s.features))) {
        if (r.type === 'PER') spans.add(`${(r.tokens[0] as Token).start}:${(r.tokens.at(-1) as Token).end}`);
      }
    }
    const want = new Set((gold.get(doc.id) ?? []).map((p) => `${p.start}:${p.end}`));
    for (const s of spans) if (want.has(s)) tp++;
    else fp++;
    for (const s of want) if (!spans.has(s)) fn++;
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  console.log(`${name}: tagger alone, person exact spans: F1 ${((2 * p * r) / (p + r)).toFixed(3)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}`);
}

const t0 = performance.now();
const sequences: Sequence[] = [];
for (const file of TRAIN_FILES) {
  const docs = readConll(path.join(trainRoot, file));
  for (const doc of docs) {
    sequences.push(...sequencesOf(doc));
    const titled = titleCased(doc);
    if (titled !== null) sequences.push(...sequencesOf(titled));
  }
  console.log(`${file}: ${docs.length} documents`);
}
console.log(`${sequences.length} sentences, features in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const trained = train(sequences);
const bytes = serialize(trained as { bits: number; emit: Float32Array; transition: Float32Array; start: Float32Array });
writeFileSync(values.out as string, packModel(bytes));
console.log(`model: ${values.out} (${(bytes.length / 1e6).toFixed(1)} MB), trained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const { deserialize } = await import('./model.ts');
const stored = deserialize(bytes);
for (const [name, input, goldFile] of [['en', 'dev.jsonl', 'gold-dev.jsonl'], ['es', 'dev-es.jsonl', 'gold-dev-es.jsonl']] as const) {
  if (process.env.FLOAT && existsSync(path.join(devRoot, input))) devFigures(trained, `${name} float`, path.join(devRoot, input), path.join(devRoot, goldFile));
  if (existsSync(path.join(devRoot, input))) devFigures(stored, name, path.join(devRoot, input), path.join(devRoot, goldFile));
}
