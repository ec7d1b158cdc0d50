// The project's own samples: every expectation of ../shared/eval-dev/chrome/gold-seeds.json (which
// describes these five files) holds, and nothing of any sample is lost. The gold-seeds file is read
// where it lies; without it those checks are skipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { assembleText, createDocumentFile, parseDocument, type Root } from '../../pipeline/core/document.ts';
import { removalsOf, repairsOf } from '../../pipeline/core/decisions.ts';
import blocks from '../blocks/index.ts';
import language from './test/language.ts';
import chrome from './index.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const samplesDir = path.join(root, 'samples');
const seedsPath = path.join(root, '..', 'shared', 'eval-dev', 'chrome', 'gold-seeds.json');

interface Piece {
  text: string;
  match: 'line' | 'substring';
  occurrences?: number;
}
interface Seed {
  file: string;
  title: string | null;
  chrome: Piece[];
  optional?: Piece[];
  keep_as_headings?: string[];
  body_starts_with: string;
  body_ends_with: string;
}

function process(name: string) {
  const input = readFileSync(path.join(samplesDir, name), 'utf8');
  const file = createDocumentFile(input, { source: { path: name, url: null } });
  const tree = parseDocument(input);
  unified().use(blocks).use(language).use(chrome).runSync(tree as never, file);
  const { text } = assembleText(tree as Root);
  return { input, file, tree: tree as Root, text, removed: removalsOf(file), repairs: repairsOf(file) };
}

const nonSpace = (s: string) => [...s.replace(/\s+/gu, '')].sort().join('');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('samples', () => {
  const names = readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort();

  it.each(names)('%s: text and removed account for every non-space character', (name) => {
    const { input, text, removed, repairs } = process(name);
    const out = text + removed.map((r) => r.text).join('') + repairs.map((r) => r.text).join('');
    expect(nonSpace(out)).toBe(nonSpace(input));
  });

  const seeds: Seed[] = existsSync(seedsPath) ? JSON.parse(readFileSync(seedsPath, 'utf8')).files : [];
  it.skipIf(seeds.length === 0).each(seeds.map((s) => [s.file, s] as const))('%s: meets its gold seeds', (_name, seed) => {
    const { text, tree, file, removed } = process(seed.file);
    expect(file.data.title).toBe(seed.title);
    const lines = text.split('\n').map((l) => l.trim());
    const removedText = removed.map((r) => r.text.trim());
    for (const piece of seed.chrome) {
      const wanted = piece.text.trim();
      if (piece.match === 'line') {
        // The headline may stay once as a heading; every other chrome line must be gone.
        const allowed = seed.title !== null && wanted === seed.title ? 1 : 0;
        expect(lines.filter((l) => l === wanted).length).toBeLessThanOrEqual(allowed);
      } else expect(text).not.toContain(wanted);
      const leftInText = piece.match === 'line' ? lines.filter((l) => l === wanted).length : 0;
      expect(removedText.filter((r) => r === wanted || (piece.match === 'substring' && r.includes(wanted))).length).toBe((piece.occurrences ?? 1) - leftInText);
    }
    const headings = tree.children.filter((b) => b.type === 'heading').map((b) => b.value);
    for (const heading of seed.keep_as_headings ?? []) expect(headings).toContain(heading);
    // Optional pieces may open the body: skip those that are there.
    let body = text;
    for (let changed = true; changed; ) {
      changed = false;
      for (const piece of seed.optional ?? []) {
        const t = piece.match === 'line' ? piece.text.trim() : piece.text;
        if (body.startsWith(t)) {
          body = body.slice(t.length).trimStart();
          changed = true;
        }
      }
    }
    expect(body.startsWith(seed.body_starts_with)).toBe(true);
    expect(text.endsWith(seed.body_ends_with)).toBe(true);
    expect(count(text, seed.body_ends_with)).toBe(1);
  });
});
