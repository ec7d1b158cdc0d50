// How fast the names stage runs alone, on one core: `npx tsx stages/names/measure-speed.ts`.
// Documents of 3 KB are cut from the sample articles (samples/), and each is given a number so no
// memoised word list answers for a whole document; prints the model's load time and documents a
// second. A measurement to read, not a test: the figure depends on the machine and its load.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findPeople } from './index.ts';
import { defaultModel } from './tagger/tag.ts';

const samples = path.join(import.meta.dirname, '..', '..', 'samples');
const text = readdirSync(samples)
  .sort()
  .map((f) => readFileSync(path.join(samples, f), 'utf8'))
  .join('\n\n');
const SIZE = 3000;
const docs: string[] = [];
for (let i = 0; docs.length < 400; i = (i + SIZE) % Math.max(1, text.length - SIZE)) docs.push(`${docs.length}. ${text.slice(i, i + SIZE)}`);

let t0 = performance.now();
defaultModel();
console.log(`model load: ${(performance.now() - t0).toFixed(0)} ms`);
for (const d of docs.slice(0, 50)) findPeople(d); // warm-up: word lists, JIT
const rounds = 3;
t0 = performance.now();
const cpu0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const d of docs) findPeople(d);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const n = docs.length * rounds;
console.log(`findPeople: ${(n / seconds).toFixed(0)} documents/s of ${SIZE} characters by the wall clock, ${(n / cpuSeconds).toFixed(0)} per CPU-second (${n} documents, ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU)`);
