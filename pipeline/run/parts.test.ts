import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputParts, partsOfRank } from './parts.ts';
import { countEntryDocuments, IdRegistry, type InputDocument, type LineCarry, readEntries } from './read.ts';
import { tempDir } from './test/tmp.ts';

/** A dump whose lines are of many lengths, with empty, malformed, id-less and over-long lines. */
function dump(dir: string): string {
  const file = path.join(dir, 'dump.jsonl');
  const lines = Array.from({ length: 120 }, (_, i) => {
    if (i % 17 === 5) return '{broken';
    if (i % 13 === 7) return '';
    if (i % 11 === 3) return JSON.stringify({ text: `No id ${i}.` });
    if (i === 60) return JSON.stringify({ id: 'long', text: 'y'.repeat(900) });
    return JSON.stringify({ id: `d${i % 40}`, text: `Document ${i} ${'x'.repeat((i * 37) % 150)}.` });
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function collect(documents: AsyncIterable<InputDocument>): Promise<InputDocument[]> {
  const docs: InputDocument[] = [];
  for await (const d of documents) docs.push(d);
  return docs;
}

describe('the input in parts', () => {
  const maxDocumentBytes = 500;

  it('cuts a large dump into ranges whose documents are the whole dump\'s, numbered alike, wherever a reader starts', async () => {
    const dir = tempDir();
    const file = dump(dir);
    const whole = await collect(readEntries([{ file, explicit: true }], { claim: (id) => id }, { maxDocumentBytes }));
    const parts = await inputParts([file], [], 1000);
    expect(parts.length).toBeGreaterThan(8);
    // Every range read alone (a rank that starts there, with no range before it).
    const alone: InputDocument[] = [];
    for (const part of parts) alone.push(...(await collect(readEntries(part.entries, { claim: (id) => id }, { maxDocumentBytes }))));
    expect(alone).toEqual(whole);
    // The ranges in order, numbering on from one to the next, and with ids made unique.
    const carry: LineCarry = new Map();
    const ids = new IdRegistry();
    const inOrder: InputDocument[] = [];
    const trace = path.join(dir, 'trace');
    process.env.NEWSNORM_TRACE_READ = trace;
    try {
      for (const part of parts) inOrder.push(...(await collect(readEntries(part.entries, ids, { maxDocumentBytes }, carry))));
    } finally {
      delete process.env.NEWSNORM_TRACE_READ;
    }
    // Read in order, no range counts the newlines before it: each takes the count from the one before.
    expect(readFileSync(trace, 'utf8')).not.toContain('newlines');
    expect(inOrder).toEqual(await collect(readEntries([{ file, explicit: true }], new IdRegistry(), { maxDocumentBytes })));
    // Numbers from the file's start, and ids of lines without one, even in the last range read alone.
    expect(alone.filter((d) => d.error?.startsWith('line 108: malformed JSON'))).toHaveLength(1);
    expect(alone.map((d) => d.id)).toContain('dump#114');
    expect(alone.find((d) => d.id === 'dump#61')?.error).toContain('document too large');
    const counts = await Promise.all(parts.map((p) => countEntryDocuments(p.entries)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(whole.length);
  });

  it('gives each rank a run of consecutive parts, every part to one rank', async () => {
    const dir = tempDir();
    const parts = await inputParts([dump(dir)], [], 1000);
    const shares = [0, 1, 2].map((rank) => partsOfRank(parts, rank, 3));
    expect(shares.flat()).toEqual(parts);
    for (const share of shares) expect(share.length).toBeGreaterThan(1);
  });
});
