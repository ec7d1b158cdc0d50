// How fast the names stage runs alone, on one core: `npx tsx stages/names/measure-speed.ts`
// (ROUNDS=10 for more rounds; pin it to a core with `taskset -c 0`). Documents of 3 KB are cut from
// the sample articles (samples/), and each is given a number so no memoised word list answers for
// a whole document; prints the model's load time and documents a second, over all rounds and
// round by round. A measurement to read, not a test: the figure depends on the machine and its load.
//
// Read the rounds apart: the first is mostly V8 compiling the stage's code (the warm-up is short),
// and every later round repeats the same 400 documents, whose words and sums are all remembered by
// then. Text with words not seen before costs more (the stage's README gives a dump's figure).
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
const rounds = Number(process.env.ROUNDS ?? 3);
// CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns.
const cpuSecondsSince = (from: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(from);
  return (cpu.user + cpu.system) / 1e6;
};
const perRound: string[] = [];
t0 = performance.now();
const cpu0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  const from = process.cpuUsage();
  for (const d of docs) findPeople(d);
  perRound.push((docs.length / cpuSecondsSince(from)).toFixed(0));
}
const seconds = (performance.now() - t0) / 1000;
const cpuSeconds = cpuSecondsSince(cpu0);
const n = docs.length * rounds;
console.log(`findPeople: ${(n / seconds).toFixed(0)} documents/s of ${SIZE} characters by the wall clock, ${(n / cpuSeconds).toFixed(0)} per CPU-second (${n} documents, ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU)`);
console.log(`per CPU-second, round by round (${docs.length} documents each): ${perRound.join(', ')}`);
