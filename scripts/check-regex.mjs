// npm run check:regex: no regular expression literal with a Unicode property escape (\p{…}, \P{…})
// or the `v` flag inside a function in the package's sources. tsx (esbuild, which targets the
// running Node) rewrites such a literal into `new RegExp(…)` where it stands, so inside a function
// it is built again at every call (about 0.3 µs: per word or per line, seconds of a dump's run
// under `npm start` and `npm run bench`). A module constant is built once. The built package
// (tsc) keeps literals as they are; this keeps the sources as fast as it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Required, not imported: an ES import makes Node scan the 9 MB file for its named exports.
const ts = createRequire(import.meta.url)('typescript');
const root = path.resolve(import.meta.dirname, '..');

/** The package's TypeScript sources: tests, test data and build scripts aside. */
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return ['test', 'testdata', 'scripts', 'node_modules'].includes(name) ? [] : sources(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') && !file.includes(`${path.sep}data${path.sep}`) ? [file] : [];
  });
}

/** Where `file` has such a literal inside a function: `file:line: literal`. */
function literalsInFunctions(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node, inFunction) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && inFunction) {
      const literal = node.getText();
      const flags = literal.slice(literal.lastIndexOf('/') + 1);
      if (/\\[pP]\{/.test(literal) || flags.includes('v')) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${path.relative(root, file)}:${line + 1}: ${literal}`);
      }
    }
    ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
  };
  visit(source, false);
  return found;
}

const files = ['index.ts', ...['pipeline', 'stages', 'report'].flatMap((d) => sources(path.join(root, d)))].map((f) => path.resolve(root, f));
const found = files.flatMap((f) => literalsInFunctions(f, readFileSync(f, 'utf8')));
if (found.length > 0) {
  console.error(`check:regex: ${found.length} regular expression(s) with \\p{…} or the v flag inside a function; make each a module constant:\n${found.join('\n')}`);
  process.exit(1);
}
console.log(`check:regex: ${files.length} files, no \\p{…} literal inside a function`);
