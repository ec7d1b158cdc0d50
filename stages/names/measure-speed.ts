// How fast the names stage runs alone, on one core. Two modes, each a figure to read, not a test
// (the figure depends on the machine and its load; pin it to a core with `taskset -c 0`):
//
// `npx tsx stages/names/measure-speed.ts` (ROUNDS=10 for more rounds): documents of 3 KB cut from
// the sample articles (samples/), each given a number so no memoised word list answers for a whole
// document; prints the model's load time and documents a second, over all rounds and round by
// round. Read the rounds apart: the first is mostly V8 compiling the stage's code (the warm-up is
// short), and every later round repeats the same 400 documents, whose words and sums are all
// remembered by then: it measures the steady cost of a token.
//
// `npx tsx stages/names/measure-speed.ts FILE.jsonl... [--chunk N | --chunk-bytes N] [--warmup N] [--field NAME]`:
// news the stage has not seen (issue 12's measure): the texts of JSONL files (field `text`, e.g.
// the `records.jsonl` of a run, or a development set; with `--chunk`, each file's texts one after
// another cut at white space into documents of about N characters; with `--chunk-bytes`, of about
// N bytes of UTF-8, where a Russian or Greek document of 3 KB has half the characters of an
// English one, and a Chinese one a third), the first `--warmup` (30) run
// once to compile the code, every other one run once: its words are new to the stage unless an
// earlier document had them. `--warmup-from OTHER.jsonl` takes the warm-up's documents from another
// file (its texts whole), so that every document of FILE is measured (a set of a few dozen
// documents, such as 3 KB chunks of the CoNLL development text, is otherwise mostly the JIT's
// work). `--limit N` measures the first N after the warm-up only (`--warmup 3000 --limit 9000`: the
// stage as a batch runs it once V8 has compiled it, the words of the documents before remembered as
// far as its memos hold them; the rate by blocks of 1,000 documents is printed too); `--passes 2`
// runs them again (the second pass reads words the stage remembers, as long as they fit its memos). Prints documents per CPU-second of the process (the collector's threads included),
// and on Linux how much of that CPU was the main thread's and how much V8's other threads' (its optimising compiler, mostly).
//
// `--against DIR` (DIR: another checkout of the project, e.g. a worktree of the code before a change):
// both versions in one process, each document read by this one and by DIR's (in turn, the order
// alternating), and the time of each summed, and their ratio for each document. On this shared machine
// a figure of one process moves by a third from one run to the next of the same code; the median of
// the ratios, by ±3 % (the code against a copy of itself: 0.985, 0.998, 1.035). It compares what a
// document costs with the code compiled, not what V8's compiler costs (the two share its threads).
// It hides what the collector costs, too (the two versions share its heap): a change that allocates
// less is measured better in turn, one process each.
//
// `--built`: the package's JavaScript (dist/, after `npm run build`), as a user's program runs the
// stage, in place of the sources as tsx reads them (with `--against`, DIR's dist/ too).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The two functions measured, from a checkout's sources or its built package. */
interface Stage {
  findPeople: typeof import('./index.ts').findPeople;
  defaultModel: typeof import('./tagger/tag.ts').defaultModel;
}

/** The names stage of the checkout at `dir`: its TypeScript sources, or (`built`) its package's JavaScript in dist/ (`npm run build` first). */
async function stageOf(dir: string, built: boolean): Promise<Stage> {
  const file = (name: string) => pathToFileURL(path.resolve(dir, built ? `dist/stages/names/${name}.js` : `stages/names/${name}.ts`)).href;
  const { findPeople } = (await import(file('index'))) as Pick<Stage, 'findPeople'>;
  const { defaultModel } = (await import(file('tagger/tag'))) as Pick<Stage, 'defaultModel'>;
  return { findPeople, defaultModel };
}

const cpuSecondsSince = (from: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(from);
  return (cpu.user + cpu.system) / 1e6;
};

/**
 * CPU milliseconds of the process's main thread and of its other threads (V8's optimising
 * compiler, most of it, and the collector's helpers), read from /proc (Linux: utime and stime in
 * ticks of 10 ms); null where there is none. Over the bench slice's texts after 30 documents of
 * warm-up a third of the process's CPU is on the other threads: the figure is as much V8
 * compiling the stage as the stage running.
 */
function threadCpuMs(): { main: number; others: number } | null {
  const tasks = '/proc/self/task';
  if (!existsSync(tasks)) return null;
  let main = 0;
  let others = 0;
  for (const task of readdirSync(tasks)) {
    let stat: string;
    try {
      stat = readFileSync(`${tasks}/${task}/stat`, 'utf8');
    } catch {
      continue; // a thread that ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * 10;
    if (task === String(process.pid)) main += ms;
    else others += ms;
  }
  return { main, others };
}

/** The bytes of a character's UTF-8 (a surrogate pair's four, at its first half and none at its second). */
const utf8Bytes = (code: number): number => (code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xdc00 && code <= 0xdfff ? 0 : code >= 0xd800 && code <= 0xdbff ? 4 : 3);

/**
 * Where a piece of `text` from `from` ends: after `size` characters, or (`bytes`) the characters of
 * `size` bytes of UTF-8, one character at least. A surrogate pair's second half counts no bytes, so
 * the pair is never cut.
 */
function pieceEnd(text: string, from: number, size: number, bytes: boolean): number {
  if (!bytes) return Math.min(text.length, from + size);
  let to = from;
  for (let used = 0; to < text.length && (to === from || used + utf8Bytes(text.charCodeAt(to)) <= size); to++) used += utf8Bytes(text.charCodeAt(to));
  while (to < text.length && utf8Bytes(text.charCodeAt(to)) === 0) to++;
  return to;
}

/** A text cut at white space into pieces of about `size` characters, or bytes of UTF-8 (the last may be shorter). */
function chunks(text: string, size: number, bytes: boolean): string[] {
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = pieceEnd(text, from, size, bytes);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from + (to - from) / 2) to = space;
    }
    out.push(text.slice(from, to));
    from = to;
  }
  return out;
}

/** The texts of JSONL files (`field`), with `size` > 0 each file's texts one after another cut into documents of about that size (`bytes`: of UTF-8). */
function textsOf(files: string[], field: string, size: number, bytes = false): string[] {
  const texts: string[] = [];
  for (const file of files) {
    const values: string[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const value = (JSON.parse(line) as Record<string, unknown>)[field];
      if (typeof value === 'string') values.push(value);
    }
    // With --chunk, a file's texts one after another, cut into documents of that size.
    if (size > 0) for (const piece of chunks(values.join('\n\n'), size, bytes)) texts.push(piece);
    else texts.push(...values);
  }
  return texts;
}

/** The documents of `files`, after the warm-up's first `warmup` of `warmupFrom` when given (every document of `files` is then measured). */
function documentsOf(files: string[], field: string, size: number, bytes: boolean, warmup: number, warmupFrom: string | undefined): string[] {
  const texts = textsOf(files, field, size, bytes);
  return warmupFrom === undefined ? texts : [...textsOf([warmupFrom], field, 0).slice(0, warmup), ...texts];
}

/** How many documents make one block of the rates printed block by block. */
const BLOCK = 1000;

/** `texts` (of `files`) read after the first `warmup`, `passes` times. */
function unseen({ findPeople, defaultModel }: Stage, files: string[], texts: string[], warmup: number, passes: number, limit: number): void {
  const cpuLoad = process.cpuUsage();
  defaultModel();
  const loadMs = cpuSecondsSince(cpuLoad) * 1000;
  const cpuWarmup = process.cpuUsage();
  for (const t of texts.slice(0, warmup)) findPeople(t);
  const warmupSeconds = cpuSecondsSince(cpuWarmup);
  const measured = texts.slice(warmup, limit > 0 ? warmup + limit : texts.length);
  const chars = measured.reduce((n, t) => n + t.length, 0);
  for (let pass = 1; pass <= passes; pass++) {
    const from = process.cpuUsage();
    const threadsFrom = threadCpuMs();
    const t0 = performance.now();
    let people = 0;
    // Documents per CPU-second of each block of `BLOCK` documents: V8 compiles the stage over the
    // first thousands of a batch (see the README's "Speed", session 14), after which the rate holds.
    const blocks: string[] = [];
    let blockFrom = process.cpuUsage();
    measured.forEach((t, i) => {
      people += findPeople(t).length;
      if ((i + 1) % BLOCK !== 0) return;
      blocks.push((BLOCK / cpuSecondsSince(blockFrom)).toFixed(0));
      blockFrom = process.cpuUsage();
    });
    const cpu = cpuSecondsSince(from);
    const wall = (performance.now() - t0) / 1000;
    const threadsTo = threadCpuMs();
    const split =
      threadsFrom === null || threadsTo === null
        ? ''
        : `, of which the main thread ${((threadsTo.main - threadsFrom.main) / 1000).toFixed(2)} s and V8's other threads ${((threadsTo.others - threadsFrom.others) / 1000).toFixed(2)} s`;
    console.log(
      `${files.map((f) => path.basename(f)).join(' + ')}${passes > 1 ? ` (pass ${pass})` : ''}: ${(measured.length / cpu).toFixed(0)} documents per CPU-second ` +
        `(${measured.length} documents of ${(chars / measured.length).toFixed(0)} characters on average, ${people} people, ` +
        `${cpu.toFixed(2)} s CPU${split}, ${wall.toFixed(2)} s wall; model load ${loadMs.toFixed(0)} ms CPU; ` +
        `warm-up ${Math.min(warmup, texts.length)} documents, ${warmupSeconds.toFixed(2)} s CPU)`,
    );
    if (blocks.length > 1) console.log(`  by blocks of ${BLOCK} documents, per CPU-second: ${blocks.join(', ')}`);
  }
}

/**
 * This checkout's `findPeople` against another checkout's (`dir`), in one process: after the
 * warm-up (both), each document read by one and then the other, the order alternating; wall time
 * per call (the two run in turn, so a pause of the machine falls on either alike).
 */
async function against({ findPeople, defaultModel }: Stage, dir: string, built: boolean, texts: string[], warmup: number, limit: number): Promise<void> {
  const other = await stageOf(dir, built);
  defaultModel();
  other.defaultModel();
  for (const t of texts.slice(0, warmup)) {
    findPeople(t);
    other.findPeople(t);
  }
  const measured = texts.slice(warmup, limit > 0 ? warmup + limit : texts.length);
  let mine = 0;
  let theirs = 0;
  const ratios: number[] = [];
  measured.forEach((t, i) => {
    const first = i % 2 === 0 ? findPeople : other.findPeople;
    const second = i % 2 === 0 ? other.findPeople : findPeople;
    const t0 = performance.now();
    first(t);
    const t1 = performance.now();
    second(t);
    const t2 = performance.now();
    const [a, b] = i % 2 === 0 ? [t1 - t0, t2 - t1] : [t2 - t1, t1 - t0];
    mine += a;
    theirs += b;
    if (b > 0) ratios.push(a / b);
  });
  ratios.sort((x, y) => x - y);
  console.log(
    `this checkout ${mine.toFixed(0)} ms, ${dir} ${theirs.toFixed(0)} ms (${measured.length} documents, warm-up ${warmup}): ` +
      `${(mine / theirs).toFixed(3)} of its time in all, ${(ratios[ratios.length >> 1] ?? Number.NaN).toFixed(3)} the median document's`,
  );
}

function samples({ findPeople, defaultModel }: Stage): void {
  const dir = path.join(import.meta.dirname, '..', '..', 'samples');
  const text = readdirSync(dir)
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
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
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    chunk: { type: 'string', default: '0' },
    'chunk-bytes': { type: 'string', default: '0' },
    warmup: { type: 'string', default: '30' },
    field: { type: 'string', default: 'text' },
    passes: { type: 'string', default: '1' },
    limit: { type: 'string', default: '0' },
    'warmup-from': { type: 'string' },
    built: { type: 'boolean', default: false },
    against: { type: 'string' },
  },
});
// `--built`: the package as it is installed (dist/, after `npm run build`), not the sources as tsx reads them.
const stage = await stageOf(path.join(import.meta.dirname, '..', '..'), values.built);
if (positionals.length === 0) samples(stage);
else {
  // --chunk-bytes: pieces of so many bytes of UTF-8 (a "3 KB" document), where --chunk counts characters.
  const bytes = Number(values['chunk-bytes']) > 0;
  if (bytes && Number(values.chunk) > 0) throw new Error('measure-speed: --chunk or --chunk-bytes, not both');
  const size = bytes ? Number(values['chunk-bytes']) : Number(values.chunk);
  const texts = documentsOf(positionals, values.field, size, bytes, Number(values.warmup), values['warmup-from']);
  if (values.against !== undefined) await against(stage, values.against, values.built, texts, Number(values.warmup), Number(values.limit));
  else unseen(stage, positionals, texts, Number(values.warmup), Number(values.passes), Number(values.limit));
}
