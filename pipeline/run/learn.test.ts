// The batch learners (chrome's site templates) learn from windows of consecutive documents, read
// once: what a document gets depends on its window only, never on concurrency or workers.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPipeline } from './run.ts';
import { LEARNING_WINDOW } from './windows.ts';
import { tempDir } from './test/tmp.ts';

const FOOTER = 'Kowalski Media Group, Lantern Street 12';
const defaults = { ...LEARNING_WINDOW };
afterEach(() => Object.assign(LEARNING_WINDOW, defaults));

/** Four pages of one site; `withFooter` says which carry the site's footer line. */
function site(dir: string, withFooter: boolean[]): string {
  const file = path.join(dir, 'site.jsonl');
  const lines = withFooter.map((footer, i) => {
    const body = `Story ${i}: the council met on Monday and agreed on a budget for the new school, its members said after a long debate.`;
    return JSON.stringify({ id: `p${i}`, url: `https://news.example.com/p${i}`, text: footer ? `${body}\n\n${FOOTER}` : body });
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function templateRemovals(input: string, out: string, options: { concurrency?: number; workers?: number } = {}): Promise<string[]> {
  await runPipeline({ inputs: [input], out, stages: ['blocks', 'chrome'], ...options });
  return readFileSync(path.join(out, 'records.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; removed: { reason: string; text: string }[] })
    .filter((r) => r.removed.some((x) => x.text === FOOTER && /template|repeated in/.test(x.reason)))
    .map((r) => r.id);
}

describe('learning in windows', () => {
  it('removes a line repeated across the documents of a site in one window', async () => {
    const dir = tempDir();
    expect(await templateRemovals(site(dir, [true, true, true, true]), path.join(dir, 'out'))).toEqual(['p0', 'p1', 'p2', 'p3']);
  });

  it('learns from each window alone: a line seen once per window is no template', async () => {
    const dir = tempDir();
    LEARNING_WINDOW.documents = 2;
    // Windows {p0, p1} and {p2, p3}: the footer occurs once in each.
    expect(await templateRemovals(site(dir, [true, false, true, false]), path.join(dir, 'out'))).toEqual([]);
    // Windows {p0, p1} and {p2, p3}: twice in the first, once in the second.
    expect(await templateRemovals(site(dir, [true, true, true, false]), path.join(dir, 'out2'))).toEqual(['p0', 'p1']);
  });

  it('gives the same output at any concurrency', async () => {
    const dir = tempDir();
    LEARNING_WINDOW.documents = 2;
    const input = site(dir, [true, true, true, false]);
    await templateRemovals(input, path.join(dir, 'a'), { concurrency: 1 });
    await templateRemovals(input, path.join(dir, 'b'), { concurrency: 8 });
    const read = (d: string) => readFileSync(path.join(dir, d, 'records.jsonl'), 'utf8');
    expect(read('b')).toBe(read('a'));
  });
});
