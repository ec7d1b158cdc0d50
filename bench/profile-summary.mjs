#!/usr/bin/env node
// node bench/profile-summary.mjs PROFILE.cpuprofile [N]: what a CPU profile (node --cpu-prof) spent
// its time on: the N functions with the most self time, then the time spent under each source file
// (node_modules folded to their package), so that a profile of `npm run bench` reads in a terminal.
import fs from 'node:fs';

const [file, count = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs PROFILE.cpuprofile [N]');
  process.exit(2);
}
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
  return m ? `npm:${m[1]}` : local || '(native)';
};
const self = new Map();
const under = new Map();
for (const [id, us] of sampled) {
  const { callFrame } = nodes.get(id);
  const key = `${callFrame.functionName || '(anonymous)'} ${where(callFrame.url)}`;
  self.set(key, (self.get(key) ?? 0) + us);
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
    console.log(`${(us / 1000).toFixed(0).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
console.log(`total ${(total / 1000).toFixed(0)} ms\n-- self time`);
show(self, Number(count));
console.log('-- time under each file');
show(under, Number(count));
