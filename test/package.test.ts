// The package as a user gets it: `npm pack` (which builds dist/ through prepack, here without its
// type check: CI runs `npm run typecheck` on its own, see scripts/build.mjs), the tarball
// installed into a fresh project outside the repository (its dependencies only, no TypeScript
// loader), then (a) the README's standalone examples run as plain .mjs files, each checked, and
// without loading what its stage does not need, (b) a TypeScript consumer with `moduleResolution:
// nodenext` type-checked as `tsc --noEmit` checks it (typeErrors), (c) `npx newsnorm` on one sample. The examples below are the
// README's, verbatim (a test checks that the README still holds them).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

describe('the packed package, installed in a project of its own', { timeout: 600_000 }, () => {
  const skipReason = npmUnavailable();
  let dir = '';
  let project = '';

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
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The language tables the repository's own runs built (the same package file, the same code):
  // the installed package reads them instead of building them again in every child process.
  const modelCache = { NEWSNORM_MODEL_CACHE: path.join(root, 'node_modules', '.cache', 'newsnorm') };

  /** Runs an example with its checks under plain node; the ES modules it loaded. */
  function runExample(name: string, code: string): string[] {
    writeFileSync(path.join(project, name), code);
    const trace = path.join(project, `${name}.modules`);
    const r = spawnSync(process.execPath, ['--import', './trace.mjs', name], { cwd: project, encoding: 'utf8', env: { ...process.env, ...modelCache, TRACE_FILE: trace } });
    expect(r.stderr + r.stdout).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    return readFileSync(trace, 'utf8').split('\n');
  }

  it('ships the README standalone examples that this test runs, verbatim', () => {
    for (const example of [DATES_EXAMPLE, CHROME_EXAMPLE, OTHER_STAGES_EXAMPLE, PROCESSOR_EXAMPLE]) expect(readme).toContain(example);
  });

  it('runs the dates example from plain Node, without Lingua, eld or the name lists', (ctx) => {
    if (skipReason) return ctx.skip();
    const modules = runExample('dates.mjs', DATES_EXAMPLE + DATES_CHECKS);
    expect(modules.some((m) => m.includes('/newsnorm/dist/stages/dates/'))).toBe(true);
    expect(modules.filter((m) => /\/stages\/(language|names)\/|\/eld\/|lingua/.test(m))).toEqual([]);
  });

  it('runs the chrome example from plain Node: a title and one removal per menu line, without Lingua, eld or the name lists', (ctx) => {
    if (skipReason) return ctx.skip();
    const modules = runExample('chrome.mjs', CHROME_EXAMPLE + CHROME_CHECKS);
    expect(modules.some((m) => m.includes('/newsnorm/dist/stages/chrome/'))).toBe(true);
    expect(modules.filter((m) => /\/stages\/(language|names)\/|\/eld\/|lingua/.test(m))).toEqual([]);
  });

  it('runs the other stages example from plain Node', (ctx) => {
    if (skipReason) return ctx.skip();
    const start = readme.indexOf(OTHER_STAGES_EXAMPLE);
    const example = readme.slice(start, readme.indexOf('```', start));
    runExample('others.mjs', example + OTHER_STAGES_CHECKS);
  });

  it('runs the whole pipeline as one unified processor from plain Node, its decisions placed in the document', (ctx) => {
    if (skipReason) return ctx.skip();
    runExample('processor.mjs', PROCESSOR_EXAMPLE + PROCESSOR_CHECKS);
  });

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

  it('runs npx newsnorm on one sample', (ctx) => {
    if (skipReason) return ctx.skip();
    const sample = path.join(root, 'samples', '001_d7cab20a948e97a3.txt');
    const r = spawnSync('npx', ['--no-install', 'newsnorm', sample, '--out', 'out', '--quiet'], { cwd: project, encoding: 'utf8', env: { ...process.env, ...modelCache } });
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
    // The same installed command, without npx's second start-up.
    const report = spawnSync(path.join(project, 'node_modules', '.bin', 'newsnorm'), ['report', 'out'], { cwd: project, encoding: 'utf8' });
    expect(report.status).toBe(0);
    for (const file of ['index.html', 'app.js', path.join('vendor', 'chart.umd.min.js')]) {
      expect([file, existsSync(path.join(project, 'out', 'report', file))]).toEqual([file, true]);
    }
  });
});
