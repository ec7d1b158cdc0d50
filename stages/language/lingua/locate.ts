// Reads one of Lingua's n-gram models out of the `@bluzzi/lingua` package's WebAssembly file, at
// the byte range data/lingua-models.json gives (built by build-index.ts), without instantiating
// the module. A model file is brotli-compressed JSON: {"language":"ENGLISH","ngrams":{"3/58397":
// "cca ccb", ...}}, each key a probability written as a fraction, each value the n-grams that have it.
import { closeSync, openSync, readFileSync, readSync, fstatSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';

/** Lingua's model files, by n-gram length (index 0 = unigrams). */
export const ORDERS = ['unigrams', 'bigrams', 'trigrams', 'quadrigrams', 'fivegrams'] as const;

export interface ModelIndex {
  source: string;
  size: number;
  sha256: string;
  /** Lingua's language name (ENGLISH) → [file offset, length] by n-gram length - 1. */
  models: Record<string, ([number, number] | null)[]>;
}

let index: ModelIndex | null = null;
let wasmPath: string | null = null;

function modelIndex(): ModelIndex {
  if (!index) {
    index = JSON.parse(readFileSync(new URL('../data/lingua-models.json', import.meta.url), 'utf8')) as ModelIndex;
    wasmPath = createRequire(import.meta.url).resolve('@bluzzi/lingua/src/lingua_bg.wasm');
    const fd = openSync(wasmPath, 'r');
    const size = fstatSync(fd).size;
    closeSync(fd);
    // A different build of the package puts its models elsewhere: say so rather than read garbage.
    if (size !== index.size) throw new Error(`@bluzzi/lingua's lingua_bg.wasm is ${size} bytes, the model index expects ${index.size}: run npm run build:language-index`);
  }
  return index;
}

/** Languages with models of this n-gram length. */
export function languagesWithModel(length: number): string[] {
  return Object.entries(modelIndex().models).filter(([, m]) => m[length - 1]).map(([l]) => l);
}

/** One model file's JSON, decompressed, or null if Lingua has none. */
export function readModel(language: string, length: number): Buffer | null {
  const at = modelIndex().models[language]?.[length - 1];
  if (!at) return null;
  const [offset, size] = at;
  const bytes = Buffer.alloc(size);
  const fd = openSync(wasmPath!, 'r');
  try { readSync(fd, bytes, 0, size, offset); } finally { closeSync(fd); }
  const json = brotliDecompressSync(bytes);
  const head = json.subarray(0, 64).toString('latin1');
  if (!head.startsWith(`{"language":"${language}"`)) throw new Error(`the model at ${offset} is not ${language}'s: ${head}`);
  return json;
}

/**
 * Where built tables are kept between runs: `NEWSNORM_MODEL_CACHE` (a folder; `0` for none), else
 * `node_modules/.cache/newsnorm/` beside the package the models come from, in a folder named for
 * that package's file, so that an upgrade never reads tables of another.
 */
export function modelCacheDir(): string | null {
  const setting = process.env.NEWSNORM_MODEL_CACHE;
  if (setting === '0') return null;
  const { sha256 } = modelIndex();
  const nodeModules = path.resolve(wasmPath!, '..', '..', '..', '..');
  return path.join(setting || path.join(nodeModules, '.cache', 'newsnorm'), `lingua-${sha256.slice(0, 16)}`);
}
