// What importing each of the package's entries costs, from the built package (npm run build first):
// the time the import takes and the process's resident memory after it, in a fresh Node process
// each (median of RUNS), and whether it loaded Lingua, eld's or franc's data, or the names stage's lists.
//   node bench/import-cost.mjs [RUNS]      prints the README's table
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const pkg = (await import(pathToFileURL(path.join(root, 'package.json')), { with: { type: 'json' } })).default;
if (!existsSync(path.join(root, 'dist'))) throw new Error('no dist/: run npm run build first');

const probe = (target) => `
  import { register } from 'node:module';
  import { MessageChannel } from 'node:worker_threads';
  const urls = [];
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (u) => urls.push(u));
  port1.unref();
  register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(`
    let port;
    export async function initialize(data) { port = data.port; }
    export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }
  `)}`)}, { data: { port: port2 }, transferList: [port2] });
  const t0 = performance.now();
  ${target ? `await import(${JSON.stringify(target)});` : ''}
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  // CommonJS packages loaded with require (Lingua's binding is) do not pass the hook: add them.
  const { createRequire } = await import('node:module');
  urls.push(...Object.keys(createRequire(import.meta.url).cache));
  console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss, urls }));
`;

function measure(target) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe(target)], { encoding: 'utf8' });
    samples.push(JSON.parse(out.trim().split('\n').at(-1)));
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const urls = samples[0].urls;
  return {
    ms: median(samples.map((s) => s.ms)),
    rss: median(samples.map((s) => s.rss)) / 1e6,
    lingua: urls.some((u) => u.includes('/stages/language/lingua/')),
    // The packages themselves: the language stage reads eld's database from its file on first use.
    eld: urls.some((u) => /\/node_modules\/(eld|franc-all)\//.test(u)),
    names: urls.some((u) => u.includes('/stages/names/')),
  };
}

const rows = [['node alone', null], ...Object.entries(pkg.exports).filter(([k]) => k !== './package.json').map(([k, v]) => [k === '.' ? 'newsnorm' : `newsnorm/${k.slice(2)}`, pathToFileURL(path.join(root, v.import)).href])];
console.log('| entry | import time | RSS after import | loads the Lingua scorer (models load on first use) | imports eld or franc-all | loads the name lists |');
console.log('| --- | ---: | ---: | --- | --- | --- |');
for (const [name, target] of rows) {
  const m = measure(target);
  console.log(`| \`${name}\` | ${target ? `${Math.round(m.ms)} ms` : '—'} | ${Math.round(m.rss)} MB | ${m.lingua ? 'yes' : 'no'} | ${m.eld ? 'yes' : 'no'} | ${m.names ? 'yes' : 'no'} |`);
}
