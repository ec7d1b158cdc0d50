// npm run build (and prepack): the package's JavaScript and types in dist/, with the data files
// the stages read at run time beside their modules (stages/NAME/data/**/*.json, *.txt and *.bin) and the
// report's site files, so that a module finds its files at the same relative path as in the sources.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

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
