// Rebuilds data/lingua-models.json: where each of Lingua's n-gram models lies inside the
// WebAssembly file of the `@bluzzi/lingua` package (Lingua 1.5 compiled to WASM).
//
// Why: the language stage scores n-grams with its own code (score.ts) over compact tables
// (table.ts), but the probabilities are Lingua's own, trained by its author on news and web text
// and published under the Apache 2.0 licence. The package ships them as brotli-compressed JSON
// files embedded in the module's data section (Rust's include_dir). This script finds each file's
// byte range in the .wasm once; at run time a model is read from that range and decompressed,
// and the WebAssembly module itself is never instantiated (its instance held 0.9-1.6 GB).
//
// Run: `npm run build:language-index` after upgrading @bluzzi/lingua (the index records the
// file's size and SHA-256, and the loader refuses a file that does not match).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';
import { ORDERS, type ModelIndex } from './locate.ts';

const require = createRequire(import.meta.url);
const wasmPath = require.resolve('@bluzzi/lingua/src/lingua_bg.wasm');
const file = readFileSync(wasmPath);

interface Segment { addr: number; fileOffset: number; length: number }

/** The active data segments of the module: where each lies in linear memory and in the file. */
function dataSegments(buf: Buffer): Segment[] {
  let p = 8; // magic and version
  const leb = (): number => { let r = 0, s = 0, b: number; do { b = buf[p++]!; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
  const segments: Segment[] = [];
  while (p < buf.length) {
    const id = buf[p++]!; const size = leb(); const end = p + size;
    if (id === 11) {
      for (let n = leb(); n > 0; n--) {
        if (leb() !== 0 || buf[p++] !== 0x41) throw new Error('unexpected data segment form');
        const addr = leb(); // i32.const (non-negative here)
        if (buf[p++] !== 0x0b) throw new Error('unexpected data segment offset expression');
        const length = leb();
        segments.push({ addr, fileOffset: p, length }); p += length;
      }
    }
    p = end;
  }
  return segments;
}

const segments = dataSegments(file);
const memEnd = Math.max(...segments.map((s) => s.addr + s.length));
const memory = Buffer.alloc(memEnd);
for (const s of segments) file.copy(memory, s.addr, s.fileOffset, s.fileOffset + s.length);
const toFile = (addr: number, length: number): number => {
  const s = segments.find((x) => addr >= x.addr && addr + length <= x.addr + x.length);
  if (!s) throw new Error(`bytes at ${addr} span two data segments`);
  return s.fileOffset + (addr - s.addr);
};

// include_dir's File { path: &str, contents: &[u8] } is four little-endian u32s in wasm32 memory:
// the path's pointer and length, then the contents' pointer and length.
const models: ModelIndex['models'] = {};
for (const [order, name] of ORDERS.entries()) {
  const fileName = `${name}.json.br`;
  const at = memory.indexOf(Buffer.from(fileName));
  for (let i = 0; i + 16 <= memory.length; i += 4) {
    if (memory.readUInt32LE(i) !== at || memory.readUInt32LE(i + 4) !== fileName.length) continue;
    const ptr = memory.readUInt32LE(i + 8), length = memory.readUInt32LE(i + 12);
    const json = brotliDecompressSync(memory.subarray(ptr, ptr + length)).toString('utf8');
    const language = /"language":"([A-Z_]+)"/.exec(json.slice(0, 100))?.[1];
    if (!language) throw new Error(`no language in ${fileName} at ${ptr}`);
    (models[language] ??= [])[order] = [toFile(ptr, length), length];
  }
}
const index: ModelIndex = {
  source: '@bluzzi/lingua 1.5.0 (Lingua by Peter M. Stahl, Apache-2.0): src/lingua_bg.wasm',
  size: file.length,
  sha256: createHash('sha256').update(file).digest('hex'),
  models: Object.fromEntries(Object.entries(models).sort(([a], [b]) => (a < b ? -1 : 1))),
};
writeFileSync(new URL('../data/lingua-models.json', import.meta.url), `${JSON.stringify(index)}\n`);
console.log(`${Object.keys(models).length} languages, ${Object.values(models).flat().filter(Boolean).length} models`);
