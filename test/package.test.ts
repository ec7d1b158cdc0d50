// The package as a user gets it: `npm pack` (which builds dist/ through prepack, here without its
// type check: CI runs `npm run typecheck` on its own, see scripts/build.mjs), the tarball
// installed into a fresh project outside the repository (its dependencies only, no TypeScript
// loader), then (a) the README's standalone examples run as plain .mjs files, each checked, and
// without loading what its stage does not need, (b) a TypeScript consumer with `moduleResolution:
// nodenext` type-checked as `tsc --noEmit` checks it (typeErrors), (c) `npx newsnorm` on one sample. The examples below are the
// README's, verbatim (a test checks that the README still holds them). Once the package is
// installed, the examples and npx run side by side, each in its own process, while this one
// type-checks the consumer: each test then awaits its own process and checks what it did.
import { execFileSync, spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as TypeScript from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Required, not imported: as an ES module, Node first scans its 9 MB for named exports (0.5 CPU-s).
const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;

const root = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

const DATES_EXAMPLE = `import { normaliseDates } from 'newsnorm/dates';

const text = 'The talks began on Monday.\\n\\nMinisters meet again on 3 March.';
const result = await normaliseDates(text, { published: '2026-02-05', lang: 'eng' });
console.log(result);
`;

const CHROME_EXAMPLE = `import { removeChrome } from 'newsnorm/chrome';

const page = \`Home
World
Politics
Talks on the new treaty will go on next week, ministers say
The foreign ministers of both countries said on Monday that the talks would go on next week, and that they hoped for an agreement before the end of the year.
Neither side gave details of the remaining disagreements.
Share on Facebook\`;
const result = await removeChrome(page);
console.log(result.title, result.lang);
`;

const OTHER_STAGES_EXAMPLE = `import { repairString } from 'newsnorm/repair';
import { splitBlocks } from 'newsnorm/blocks';
import { findPeople } from 'newsnorm/names';

console.log(repairString('Itâ€™s fine &amp; dandy'));
`;

const PROCESSOR_EXAMPLE = `import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse, preset, toRecord } from 'newsnorm';

const file = new VFile({
  path: 'story.txt',
  value: \`Home
World

Talks on the new treaty will go on next week

The foreign ministers of both countries said on Monday that the talks would go on next week, and that they hoped for an agreement before the end of the year. Neither side gave details of the remaining disagreements, and the officials said they would meet again soon.

Share on Facebook\`,
});
await unified().use(parse).use(preset).use(toRecord).process(file);
console.log(file.result.id, file.result.title, file.result.removed.map((r) => r.reason));
// story Talks on the new treaty will go on next week [ 'navigation', 'navigation', 'title', 'share' ]
console.log(file.messages.map(String));
// [ '1:1-1:5: navigation phrase "home"', '2:1-2:6: navigation phrase "world"',
//   '4:1-4:45: the headline, moved to \`title\`', '8:1-8:18: share phrase "share on"' ]
`;

// Appended to each example: its checks, and the modules it loaded. A resolve hook (trace.mjs)
// lists the ES modules; CommonJS ones (Lingua's binding) are in require's cache.
const CHECKS_PRELUDE = `
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
const requiredModules = Object.keys(createRequire(import.meta.url).cache);
assert.ok(!requiredModules.some((m) => m.includes('lingua')), 'Lingua was loaded');
`;

const DATES_CHECKS = `${CHECKS_PRELUDE}
assert.deepEqual(result, {
  published: '2026-02-05',
  dates: [
    { text: 'Monday', value: '2026-02-02', type: 'DATE', start: 19, end: 25 },
    { text: '3 March', value: '2026-03-03', type: 'DATE', start: 52, end: 59 },
  ],
  problems: [],
});
`;

const CHROME_CHECKS = `${CHECKS_PRELUDE}
assert.equal(result.title, 'Talks on the new treaty will go on next week, ministers say');
assert.equal(result.lang, 'eng');
assert.deepEqual(result.removed.map((r) => r.reason + ': ' + r.text), [
  'navigation: Home', 'navigation: World', 'short-chrome: Politics',
  'title: Talks on the new treaty will go on next week, ministers say', 'share: Share on Facebook',
]);
assert.ok(result.text.startsWith('The foreign ministers') && result.text.endsWith('remaining disagreements.'));
`;

const OTHER_STAGES_CHECKS = `${CHECKS_PRELUDE}
assert.equal(repairString('Itâ€™s fine &amp; dandy').text, 'It’s fine & dandy');
assert.deepEqual(splitBlocks('Moving forward together\\nHowever, despite US maneuvers, they remain together.').map((b) => b.kind), ['heading', 'paragraph']);
assert.deepEqual(people.map((p) => [p.name, p.aliases, p.roles]), [
  ['Dong Jun', ['Dong'], ['Chinese Defense Minister']],
  ['Andrei Belousov', ['Andrey Belousov'], []],
]);
`;

const PROCESSOR_CHECKS = `${CHECKS_PRELUDE}
assert.equal(file.result.id, 'story');
assert.equal(file.result.title, 'Talks on the new treaty will go on next week');
assert.deepEqual(file.result.removed.map((r) => r.reason), ['navigation', 'navigation', 'title', 'share']);
assert.ok(file.result.text.startsWith('The foreign ministers') && file.result.text.endsWith('meet again soon.'));
assert.deepEqual(file.messages.map(String), [
  '1:1-1:5: navigation phrase "home"', '2:1-2:6: navigation phrase "world"',
  '4:1-4:45: the headline, moved to \`title\`', '8:1-8:18: share phrase "share on"',
]);
`;

// A consumer in TypeScript: every entry resolves with its types, and the types are not \`any\`.
const CONSUMER_TS = `import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse, preset, toRecord, runPipeline, type NewsRecord } from 'newsnorm';
import { repair, repairString, type RepairOptions } from 'newsnorm/repair';
import { blocks, splitBlocks, type BlocksOptions } from 'newsnorm/blocks';
import { language, languageOf, type LanguageOptions } from 'newsnorm/language';
import { chrome, removeChrome, type ChromeOptions, type ChromeResult } from 'newsnorm/chrome';
import { names, findPeople, type NamesOptions, type Person } from 'newsnorm/names';
import { dates, normaliseDates, type NormaliseDatesOptions, type NormalisedDates } from 'newsnorm/dates';

const repairOptions: RepairOptions = { nfc: false };
const blocksOptions: BlocksOptions = {};
const languageOptions: LanguageOptions = { accuracy: 'fast' };
const chromeOptions: ChromeOptions = { repeatedLines: false };
const namesOptions: NamesOptions = { lang: 'eng' };
const datesOptions: NormaliseDatesOptions = { published: '2026-02-05', lang: 'eng' };
unified().use(repair, repairOptions).use(blocks, blocksOptions).use(language, languageOptions).use(chrome, chromeOptions).use(names, namesOptions).use(dates);
unified().use(preset);

export async function use(text: string): Promise<string> {
  const found: NormalisedDates = await normaliseDates(text, datesOptions);
  const page: ChromeResult = await removeChrome(text, { lang: 'eng' });
  const people: Person[] = findPeople(text);
  const value: string | undefined = found.dates[0]?.value;
  const title: string | null = page.title;
  const kinds: ('heading' | 'paragraph')[] = splitBlocks(text).map((b) => b.kind);
  const record: NewsRecord | null = null;
  const processed: NewsRecord = (await unified().use(parse).use(preset).use(toRecord).process(new VFile(text))).result;
  void runPipeline;
  void languageOf;
  // @ts-expect-error: published is a date string, not a number
  await normaliseDates(text, { published: 5 });
  return [repairString(text).text, value, title, kinds.join(), people.length, record, processed.id].join();
}
`;

/** Whether npm can pack at all here (it can wherever npm ci ran); the reason when it cannot. */
function npmUnavailable(): string | null {
  const r = spawnSync('npm', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? null : `npm is not available (${r.error?.message ?? r.stderr})`;
}

/**
 * What `tsc --noEmit -p PROJECT` reports on the project's own files and on newsnorm's declarations
 * (every one of them, checked as strictly as the consumer), formatted as tsc prints it. Other
 * packages' declarations (zod's hundred files) are theirs to check: they are read as tsc reads
 * them with skipLibCheck, which saves two thirds of the check's time.
 */
function typeErrors(project: string): string {
  const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => project, getNewLine: () => '\n' };
  const config = ts.getParsedCommandLineOfConfigFile(path.join(project, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => expect.fail(ts.formatDiagnostic(d, host)) });
  if (!config) return 'no tsconfig.json';
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const checked = program.getSourceFiles().filter((f) => !f.fileName.includes('/node_modules/') || f.fileName.includes('/node_modules/newsnorm/'));
  expect(checked.filter((f) => f.fileName.endsWith('.d.ts')).length).toBeGreaterThan(10);
  const diagnostics = [
    ...config.errors,
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...checked.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
  ];
  return ts.formatDiagnostics(diagnostics, host);
}

const run = (cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });

/** How a child process ended: its exit status and what it printed. */
interface Ended {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts a command and gives the promise of its end, as spawnSync would have returned it; a
 * command that cannot start ends with no status and the reason on stderr (never a rejection,
 * which would go unhandled until its test awaits it).
 */
function started(cmd: string, args: string[], options: SpawnOptions): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error) => resolve({ status: null, stdout, stderr: stderr + error.message }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the packed package, installed in a project of its own', { timeout: 600_000 }, () => {
  const skipReason = npmUnavailable();
  let dir = '';
  let project = '';
  // The processes started once the package is installed, each awaited by its test.
  const examples = new Map<string, Promise<Ended & { modules: string[] }>>();
  let npx: Promise<{ npx: Ended; report: Ended | null }>;

  beforeAll(() => {
    if (skipReason) {
      console.warn(`SKIPPED: the packaging test cannot run: ${skipReason}`);
      return;
    }
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsnorm-package-'));
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root, { NEWSNORM_BUILD_TYPECHECK: '0' })) as { filename: string }[];
    const tarball = path.join(dir, (packed[0] as { filename: string }).filename);
    project = path.join(dir, 'consumer');
    run('mkdir', ['-p', project], dir);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // From npm's cache where it can (the repository's npm ci filled it); the registry otherwise.
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, '@types/node@20'], project);
    writeFileSync(
      path.join(project, 'trace.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(
        `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(process.env.TRACE_FILE, r.url + '\\n'); return r; }`,
      )}`)});\n`,
    );
    startExample('dates.mjs', DATES_EXAMPLE + DATES_CHECKS);
    startExample('chrome.mjs', CHROME_EXAMPLE + CHROME_CHECKS);
    const start = readme.indexOf(OTHER_STAGES_EXAMPLE);
    startExample('others.mjs', readme.slice(start, readme.indexOf('```', start)) + OTHER_STAGES_CHECKS);
    startExample('processor.mjs', PROCESSOR_EXAMPLE + PROCESSOR_CHECKS);
    // The report of that run, from the installed package, once the run is over: the same installed
    // command, without npx's second start-up.
    const sample = path.join(root, 'samples', '001_d7cab20a948e97a3.txt');
    npx = started('npx', ['--no-install', 'newsnorm', sample, '--out', 'out', '--quiet'], { cwd: project, env: { ...process.env, ...modelCache } }).then(async (ended) => ({
      npx: ended,
      report: ended.status === 0 ? await started(path.join(project, 'node_modules', '.bin', 'newsnorm'), ['report', 'out'], { cwd: project }) : null,
    }));
  }, 600_000);

  afterAll(async () => {
    // Every process ended first (a test that failed early did not await its own).
    await Promise.all([...examples.values(), npx]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The language tables the repository's own runs built (the same package file, the same code):
  // the installed package reads them instead of building them again in every child process.
  const modelCache = { NEWSNORM_MODEL_CACHE: path.join(root, 'node_modules', '.cache', 'newsnorm') };

  /** Starts an example with its checks under plain node; the ES modules it loaded are traced. */
  function startExample(name: string, code: string): void {
    writeFileSync(path.join(project, name), code);
    const trace = path.join(project, `${name}.modules`);
    const ended = started(process.execPath, ['--import', './trace.mjs', name], { cwd: project, env: { ...process.env, ...modelCache, TRACE_FILE: trace } });
    examples.set(name, ended.then((r) => ({ ...r, modules: existsSync(trace) ? readFileSync(trace, 'utf8').split('\n') : [] })));
  }

  /** The example's run, checked: it printed no error and ended well; the ES modules it loaded. */
  async function exampleModules(name: string): Promise<string[]> {
    const r = await (examples.get(name) as Promise<Ended & { modules: string[] }>);
    expect(r.stderr + r.stdout).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    return r.modules;
  }

  it('ships the README standalone examples that this test runs, verbatim', () => {
    for (const example of [DATES_EXAMPLE, CHROME_EXAMPLE, OTHER_STAGES_EXAMPLE, PROCESSOR_EXAMPLE]) expect(readme).toContain(example);
  });

  // First, while the examples and npx (started when the install was done) run beside it.
  it('type-checks a TypeScript consumer with moduleResolution nodenext, and the package\'s declarations', (ctx) => {
    if (skipReason) return ctx.skip();
    writeFileSync(path.join(project, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      // Declarations checked too (skipLibCheck false: typeErrors checks newsnorm's own), TypeScript's
      // own lib files aside (skipDefaultLibCheck); no global types but those the package's own declarations reference.
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, skipDefaultLibCheck: true, types: [] }, files: ['consumer.ts'] }),
    );
    expect(typeErrors(project)).toBe('');
  });

  it('runs the dates example from plain Node, without Lingua, eld or the name lists', async (ctx) => {
    if (skipReason) return ctx.skip();
    const modules = await exampleModules('dates.mjs');
    expect(modules.some((m) => m.includes('/newsnorm/dist/stages/dates/'))).toBe(true);
    expect(modules.filter((m) => /\/stages\/(language|names)\/|\/eld\/|lingua/.test(m))).toEqual([]);
  });

  it('runs the chrome example from plain Node: a title and one removal per menu line, without Lingua, eld or the name lists', async (ctx) => {
    if (skipReason) return ctx.skip();
    const modules = await exampleModules('chrome.mjs');
    expect(modules.some((m) => m.includes('/newsnorm/dist/stages/chrome/'))).toBe(true);
    expect(modules.filter((m) => /\/stages\/(language|names)\/|\/eld\/|lingua/.test(m))).toEqual([]);
  });

  it('runs the other stages example from plain Node', async (ctx) => {
    if (skipReason) return ctx.skip();
    await exampleModules('others.mjs');
  });

  it('runs the whole pipeline as one unified processor from plain Node, its decisions placed in the document', async (ctx) => {
    if (skipReason) return ctx.skip();
    await exampleModules('processor.mjs');
  });

  it('runs npx newsnorm on one sample', async (ctx) => {
    if (skipReason) return ctx.skip();
    const { npx: r, report } = await npx;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = readFileSync(path.join(project, 'out', 'records.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] as string);
    expect(record.id).toBe('001_d7cab20a948e97a3');
    expect(record.lang).toBe('eng');
    expect(record.text.length).toBeGreaterThan(500);
    expect(record.error).toBeUndefined();
    // The report of that run, from the installed package: its page, script and chart library ship.
    expect(report?.status).toBe(0);
    for (const file of ['index.html', 'app.js', path.join('vendor', 'chart.umd.min.js')]) {
      expect([file, existsSync(path.join(project, 'out', 'report', file))]).toEqual([file, true]);
    }
  });
});
