// npm run bench [-- MB [WORKERS]]: generates a JSONL dump of a few tens of MB from the samples (deterministic:
// the paragraphs of the five articles shuffled by a fixed-seed generator), runs the whole pipeline
// on it and prints documents/s, MB/s and peak memory.
import { createWriteStream, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { runPipeline } from '../pipeline/run.ts';

const targetMb = Number(process.argv[2] ?? 30);
const workers = Number(process.argv[3] ?? os.availableParallelism());
const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'out', 'bench');
mkdirSync(dir, { recursive: true });
const dump = path.join(dir, 'dump.jsonl');

// A small linear congruential generator: the same dump on every machine.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const samples = readdirSync(path.join(root, 'samples')).map((f) => readFileSync(path.join(root, 'samples', f), 'utf8'));
const paragraphs = samples.flatMap((s) => s.split(/\n+/).filter((p) => p.trim() !== ''));

const out = createWriteStream(dump);
let bytes = 0;
let n = 0;
while (bytes < targetMb * 1024 * 1024) {
  const count = 5 + Math.floor(random() * 20);
  const parts = Array.from({ length: count }, () => paragraphs[Math.floor(random() * paragraphs.length)]);
  const line = `${JSON.stringify({ id: `bench-${n++}`, text: parts.join('\n\n'), date: '2026-01-27' })}\n`;
  bytes += Buffer.byteLength(line);
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

const size = statSync(dump).size / 1024 / 1024;
const t0 = performance.now();
const summary = await runPipeline({ inputs: [dump], out: path.join(dir, 'out'), workers });
const seconds = (performance.now() - t0) / 1000;
// maxRSS covers the whole process, worker threads included.
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`documents: ${summary.documents} (${size.toFixed(1)} MB) in ${seconds.toFixed(1)} s with ${workers} worker(s)`);
console.log(`time per stage (ms): ${JSON.stringify(summary.timings.stageMs)}`);
console.log(`${(summary.documents / seconds).toFixed(0)} documents/s, ${(size / seconds).toFixed(2)} MB/s, peak memory ${peakMb.toFixed(0)} MB`);
