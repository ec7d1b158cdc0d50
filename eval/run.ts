// npm run eval [-- AREA...]: runs the pipeline on every development set under ../shared/eval-dev
// (or the folder in $NEWSNORM_EVAL_DEV) and prints each scorer's last line. Sets that are absent
// are skipped with a note. The data is read where it lies and never copied into the project.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runPipeline } from '../pipeline/run/run.ts';
import { readMarked } from '../stages/names/testdata/marked.ts';

const root = path.resolve(process.env.NEWSNORM_EVAL_DEV ?? path.join(import.meta.dirname, '..', '..', 'shared', 'eval-dev'));
const outRoot = path.resolve(import.meta.dirname, '..', 'out', 'eval');

interface EvalSet {
  area: string;
  name: string;
  inputs: string[];
  /** Scorer arguments after the script: GOLD, then RECORDS is put in place of `@records`. */
  args: string[];
  /** Stages to run (default: all). */
  stages?: string[];
}

const sets: EvalSet[] = [
  ...['sentences', 'word-pairs', 'single-words', 'mixed'].map((s) => ({
    area: 'lang',
    name: s,
    inputs: [`lang/input/${s}-dev.jsonl`],
    args: [`lang/gold/${s}-dev.jsonl`, '@records'],
  })),
  // The mixed set's scorer finds gold blocks by their raw text, so a block that repair rightly
  // changes (an entity, mojibake in the source) counts as lost: this line measures the language
  // stage on the text as it is.
  {
    area: 'lang',
    name: 'mixed-without-repair',
    inputs: ['lang/input/mixed-dev.jsonl'],
    args: ['lang/gold/mixed-dev.jsonl', '@records'],
    stages: ['blocks', 'language'],
  },
  { area: 'chrome', name: 'dev', inputs: ['chrome/dump-dev.jsonl'], args: ['chrome/gold-dev.jsonl', '@records'] },
  {
    area: 'repair',
    name: 'dev',
    inputs: ['repair/mojibake-dev.jsonl', 'repair/invisibles-dev.jsonl', 'repair/encodings'],
    args: ['repair/gold-dev.jsonl', '@records'],
  },
  { area: 'names', name: 'en', inputs: ['names/dev.jsonl'], args: ['names/gold-dev.jsonl', '@records', 'names/dev.jsonl'] },
  { area: 'names', name: 'es', inputs: ['names/dev-es.jsonl'], args: ['names/gold-dev-es.jsonl', '@records', 'names/dev-es.jsonl'] },
  // Sets written for the names stage, kept beside it (stages/names/testdata): people across
  // scripts (cross-document B-cubed), and short paragraphs per language (mention F1).
  ...markedSets(),
  { area: 'dates', name: 'dev', inputs: ['dates/dev.jsonl'], args: ['dates/gold-dev.jsonl', '@records', 'dates/dev.jsonl'] },
];

/** The names stage's own marked test sets, written out as scorer input and gold under out/eval. */
function markedSets(): EvalSet[] {
  const dir = path.join(outRoot, 'names-testdata');
  mkdirSync(dir, { recursive: true });
  return ['clusters', 'de', 'fr', 'ru', 'el', 'cjk'].map((name) => {
    const docs = readMarked(`${name}.jsonl`);
    const input = path.join(dir, `${name}.jsonl`);
    const gold = path.join(dir, `gold-${name}.jsonl`);
    const goldOf = (d: (typeof docs)[number]) =>
      name === 'clusters' ? { id: d.id, mentions: d.mentions } : { id: d.id, persons: d.mentions.map(({ start, end, text }) => ({ start, end, text })) };
    writeFileSync(input, docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
    writeFileSync(gold, docs.map((d) => JSON.stringify(goldOf(d))).join('\n') + '\n');
    return { area: 'names', name, inputs: [input], args: [gold, '@records', input] };
  });
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--verbose');

if (!existsSync(root)) {
  console.log(`eval: no development sets at ${root}; nothing to measure`);
  process.exit(0);
}

for (const set of sets) {
  if (wanted.length > 0 && !wanted.includes(set.area) && !wanted.includes(`${set.area}/${set.name}`)) continue;
  const label = `${set.area}/${set.name}`;
  const inputs = set.inputs.map((p) => path.resolve(root, p));
  const scorer = path.join(root, set.area, 'score.mjs');
  if (!inputs.every(existsSync) || !existsSync(scorer)) {
    console.log(`${label}: skipped (not present)`);
    continue;
  }
  const out = path.join(outRoot, `${set.area}-${set.name}`);
  const t0 = performance.now();
  // Each evaluation replaces its own earlier output.
  const summary = await runPipeline({ inputs, out, concurrency: 4, stages: set.stages ?? null, overwrite: true });
  const seconds = (performance.now() - t0) / 1000;
  const args = set.args.map((a) => (a === '@records' ? path.join(out, 'records.jsonl') : path.resolve(root, a)));
  const scored = spawnSync(process.execPath, [scorer, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = scored.stdout.trim().split('\n');
  if (verbose) console.log(scored.stdout.trim());
  const rate = (summary.documents / seconds).toFixed(0);
  console.log(`${label}: ${lines.at(-1) ?? scored.stderr.trim()}   (${summary.documents} documents, ${seconds.toFixed(1)} s, ${rate} docs/s)`);
}
