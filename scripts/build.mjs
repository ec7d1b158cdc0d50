// npm run build (and prepack): the package's JavaScript and types in dist/, with the data files
// the stages read at run time beside their modules (stages/NAME/data/**/*.json, *.txt and *.bin) and the
// report's site files, so that a module finds its files at the same relative path as in the sources.
//
// The compiler reads the whole project (tsconfig.json: tests, eval and bench too) and fails on any
// type error in it: a package is never built from code that does not type-check. Then each of the
// package's files (tsconfig.build.json) is emitted on its own, its .js by `transpileModule` and its
// .d.ts by `transpileDeclaration`: every exported declaration states its type (isolatedDeclarations,
// which the type check enforces), so no file needs another to be written. With
// NEWSNORM_BUILD_TYPECHECK=0 there is no check and no program at all, only that emit (about a
// tenth of the CPU): the packaging test (test/package.test.ts) packs that way, since CI (.ci/run)
// runs the type check itself (`npm run typecheck`) and `npm test` need not run it a second time.
import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

/** A tsconfig's options and files, its errors thrown. */
function readConfig(file) {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, file), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
  if (!parsed) throw new Error(`cannot read ${file}`);
  if (parsed.errors.length) fail(parsed.errors);
  return parsed;
}

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  // stderr: `npm pack --json` keeps stdout for its answer, and a failed pack shows stderr.
  const format = process.stderr.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stderr.write(format(diagnostics, host));
  process.exit(1);
}

/** Writes one emitted file under dist/, at the source's path with the given extension. */
function write(source, extension, text) {
  const out = path.join(dist, path.relative(pkg.options.rootDir, source).replace(/\.ts$/, extension));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
}

const typecheck = process.env.NEWSNORM_BUILD_TYPECHECK !== '0';
const pkg = readConfig('tsconfig.build.json');
if (typecheck) {
  const project = readConfig('tsconfig.json');
  const program = ts.createProgram({ rootNames: project.fileNames, options: project.options, projectReferences: project.projectReferences });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length) fail(diagnostics);
}
// Options for one file alone. The JavaScript's emit writes no declarations (and isolatedDeclarations
// may not be set without them). A file alone cannot see package.json's "type": "module", which
// NodeNext reads to choose ES modules: every file of the package is one, so the emit is told so.
// No file has JSX; `jsx` only stops transpileModule's default (preserve) from changing the helper
// that rewrites a computed import's extension (the worker's), so the output is tsc's to the byte.
const jsOptions = {
  ...pkg.options,
  isolatedDeclarations: false,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.React,
};
// Declaration files among the sources (types for an untyped dependency) are read, not emitted, as tsc does.
for (const file of pkg.fileNames.filter((f) => !f.endsWith('.d.ts'))) {
  const source = readFileSync(file, 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: jsOptions, fileName: file, reportDiagnostics: true });
  const dts = ts.transpileDeclaration(source, { compilerOptions: pkg.options, fileName: file, reportDiagnostics: true });
  const diagnostics = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
  if (diagnostics.length) fail(diagnostics);
  write(file, '.js', js.outputText);
  write(file, '.d.ts', dts.outputText);
}

for (const stage of readdirSync(path.join(root, 'stages'))) {
  const data = path.join(root, 'stages', stage, 'data');
  if (!statSync(path.join(root, 'stages', stage)).isDirectory()) continue;
  try {
    statSync(data);
  } catch {
    continue;
  }
  // JSON, word lines (*.txt) and trained models (*.bin) only: the generators (*.ts) and their notes stay in the repository.
  cpSync(data, path.join(dist, 'stages', stage, 'data'), {
    recursive: true,
    filter: (src) => statSync(src).isDirectory() || /\.(json|bin|txt)$/.test(src),
  });
}
// The core's look-alike table (pipeline/core/data/*.json), read at run time like a stage's data.
cpSync(path.join(root, 'pipeline', 'core', 'data'), path.join(dist, 'pipeline', 'core', 'data'), {
  recursive: true,
  filter: (src) => statSync(src).isDirectory() || src.endsWith('.json'),
});
// The report's page, script and styles, copied into every report it writes.
cpSync(path.join(root, 'report', 'site'), path.join(dist, 'report', 'site'), { recursive: true });
chmodSync(path.join(dist, 'pipeline/run/cli.js'), 0o755);
