#!/usr/bin/env node
// node bench/profile-summary.mjs PROFILE.cpuprofile [N] [MB]: what a CPU profile (node --cpu-prof)
// spent its time on: first by part of the run (each stage with the shared code it calls, each batch
// learner, reading, writing, loading the code, the collector), then the N functions with the most
// self time, then the time spent under each source file (node_modules folded to their package), so
// that a profile of `npm run bench` reads in a terminal. With MB (the dump's size), the parts are
// also given in milliseconds per MB, the bench's unit. A profile of the built package (dist/, e.g.
// `node --cpu-prof --cpu-prof-dir=out/profile bench/measure.mjs '{"inputs":["out/bench/dev-30mb.jsonl"],
// "out":"out/bench/out","overwrite":true}'` after `npm run build`) reads as the sources'.
import fs from 'node:fs';

const [file, count = '40', mbArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs PROFILE.cpuprofile [N] [MB]');
  process.exit(2);
}
const mb = mbArg === undefined ? null : Number(mbArg);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...sampled.values()].reduce((a, b) => a + b, 0);
const where = (url) => {
  const local = url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(local);
  // The built package (bench --built, measure.mjs) runs dist/X.js for the sources' X.ts.
  return m ? `npm:${m[1]}` : local.replace(/^dist\/(.*)\.js$/, '$1.ts') || '(native)';
};
/**
 * The part of the run a sample belongs to, from its stack (leaf first): a batch learner (the
 * runner's windows.ts calling into a stage), else the outermost stage on the stack (a stage's calls
 * into pipeline/core count as that stage's), else what the runner was doing.
 */
function partOf(stack) {
  const places = stack.map((n) => where(n.callFrame.url));
  const stageIn = (list) => {
    let found = null;
    for (const place of list) {
      const m = /^stages\/([^/]+)\//.exec(place);
      if (m) found = m[1];
    }
    return found;
  };
  const learner = places.indexOf('pipeline/run/windows.ts');
  if (learner >= 0) return `learner ${stageIn(places.slice(0, learner)) ?? '(runner)'}`;
  const stage = stageIn(places);
  if (stage) return `stage ${stage}`;
  const leaf = stack[0].callFrame.functionName;
  if (leaf === '(garbage collector)' || leaf === '(idle)' || leaf === '(program)') return leaf;
  if (places.some((p) => p === 'pipeline/run/write.ts' || p === 'pipeline/run/in-order.ts')) return 'writing';
  if (stack.some((n) => n.callFrame.functionName === 'written')) return 'lines to JSON';
  if (places.some((p) => p === 'pipeline/run/read.ts' || p === 'pipeline/run/decode.ts')) return 'reading';
  if (places.some((p) => p.startsWith('node:internal/modules') || p === 'npm:tsx')) return 'loading code';
  return 'runner, other';
}

const self = new Map();
const under = new Map();
const parts = new Map();
/** Part → its functions' self time: what each part's milliseconds are spent on. */
const selfByPart = new Map();
for (const [id, us] of sampled) {
  const stack = [];
  for (let at = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at));
  const part = partOf(stack);
  parts.set(part, (parts.get(part) ?? 0) + us);
  const { callFrame } = nodes.get(id);
  const key = `${callFrame.functionName || '(anonymous)'} ${where(callFrame.url)}`;
  self.set(key, (self.get(key) ?? 0) + us);
  if (!selfByPart.has(part)) selfByPart.set(part, new Map());
  const inPart = selfByPart.get(part);
  inPart.set(key, (inPart.get(key) ?? 0) + us);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const place = where(nodes.get(at).callFrame.url);
    if (!seen.has(place)) {
      seen.add(place);
      under.set(place, (under.get(place) ?? 0) + us);
    }
  }
}
const show = (map, n) => {
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    // A regular expression's name is its source, some of them thousands of characters.
    const name = key.length > 140 ? `${key.slice(0, 137)}...` : key;
    console.log(`${(us / 1000).toFixed(0).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
  }
};
console.log(`total ${(total / 1000).toFixed(0)} ms\n-- by part of the run${mb ? ` (ms per MB of ${mb} MB)` : ''}`);
for (const [part, us] of [...parts].sort((a, b) => b[1] - a[1])) {
  const perMb = mb ? `${(us / 1000 / mb).toFixed(0).padStart(6)} ms/MB` : '';
  console.log(`${(us / 1000).toFixed(0).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)} % ${perMb}  ${part}`);
}
console.log('-- self time');
show(self, Number(count));
console.log('-- the five functions with the most self time in each part of over 2 %');
for (const [part, us] of [...parts].sort((a, b) => b[1] - a[1])) {
  if (us < total / 50) continue;
  console.log(`  ${part}`);
  show(new Map([...selfByPart.get(part)].sort((a, b) => b[1] - a[1]).slice(0, 5)), 5);
}
console.log('-- time under each file');
show(under, Number(count));
