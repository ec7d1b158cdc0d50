// npm run build (and prepack): the package's JavaScript and types in dist/, with the data files
// the stages read at run time beside their modules (stages/NAME/data/**/*.json, *.txt and *.bin) and the
// report's site files, so that a module finds its files at the same relative path as in the sources.
//
// The compiler reads the whole project (tsconfig.json: tests, eval and bench too) and fails on any
// type error in it: a package is never built from code that does not type-check. Then the package's
// files (tsconfig.build.json) are emitted, .js and .d.ts, each as if alone (below): every exported
// declaration states its type (isolatedDeclarations, which the type check enforces), so no file
// needs another's types, and the emit reads no dependency's. With NEWSNORM_BUILD_TYPECHECK=0 there
// is no check, only that emit (a third of the CPU of a program that reads the dependencies' types):
// the packaging test (test/package.test.ts) packs that way, since CI (.ci/run) runs the type check
// itself (`npm run typecheck`) and `npm test` need not run it a second time.
import { chmodSync, cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// TypeScript is one 9 MB CommonJS file: required, it loads in a third of the CPU it takes imported
// as an ES module, where Node first scans the whole file for its named exports.
const ts = createRequire(import.meta.url)('typescript');

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

const typecheck = process.env.NEWSNORM_BUILD_TYPECHECK !== '0';
const pkg = readConfig('tsconfig.build.json');
if (typecheck) {
  const project = readConfig('tsconfig.json');
  const program = ts.createProgram({ rootNames: project.fileNames, options: project.options, projectReferences: project.projectReferences });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length) fail(diagnostics);
}
// The package's files, each emitted as if alone: no lib, no type check, and no import resolved
// (to another file of the package or to a dependency's types). Every exported declaration states
// its type (isolatedDeclarations), so each .d.ts is written from its own file; a declaration that
// does not is an error here too. The output is the same, byte for byte, as a full program's.
const isolatedOptions = { ...pkg.options, noLib: true, noResolve: true, noCheck: true, types: [] };
const host = ts.createCompilerHost(isolatedOptions);
host.resolveModuleNameLiterals = (literals) => literals.map(() => ({ resolvedModule: undefined }));
const isolated = ts.createProgram({ rootNames: pkg.fileNames, options: isolatedOptions, host });
const emitted = isolated.emit();
const problems = [...isolated.getOptionsDiagnostics(), ...isolated.getSyntacticDiagnostics(), ...emitted.diagnostics];
if (problems.length) fail(problems);

for (const stage of readdirSync(path.join(root, 'stages'))) {
  const data = path.join(root, 'stages', stage, 'data');
  if (!statSync(path.join(root, 'stages', stage)).isDirectory()) continue;
  try {
    statSync(data);
  } catch {
    continue;
  }
  // JSON, word lines (*.txt) and trained models (*.bin, *.gz) only: the generators (*.ts) and their notes stay in the repository.
  cpSync(data, path.join(dist, 'stages', stage, 'data'), {
    recursive: true,
    filter: (src) => statSync(src).isDirectory() || /\.(json|bin|txt|gz)$/.test(src),
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
