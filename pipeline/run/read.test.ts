import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countDocuments, IdRegistry, readDocuments, type InputDocument } from './read.ts';
import { tempDir } from './test/tmp.ts';

async function readAll(inputs: string[], maxDocumentBytes?: number): Promise<InputDocument[]> {
  const docs: InputDocument[] = [];
  for await (const d of readDocuments(inputs, { maxDocumentBytes })) docs.push(d);
  return docs;
}

describe('reading inputs', () => {
  it('reads a text file as one document named after the file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'story.txt'), 'A first line.\nA second line.');
    const [doc] = await readAll([path.join(dir, 'story.txt')]);
    expect(doc).toMatchObject({ id: 'story', text: 'A first line.\nA second line.', error: null });
  });

  it('reads a JSONL dump line by line with id, url, date and lang', async () => {
    const dir = tempDir();
    const lines = [
      JSON.stringify({ id: 'a', text: 'One.', url: 'https://x.test/a', date: '2026-01-27', lang: 'eng' }),
      '',
      JSON.stringify({ text: 'Two.' }),
    ];
    writeFileSync(path.join(dir, 'dump.jsonl'), `${lines.join('\n')}\n`);
    const docs = await readAll([path.join(dir, 'dump.jsonl')]);
    expect(docs.map((d) => d.id)).toEqual(['a', 'dump#3']);
    expect(docs[0]).toMatchObject({ source: { url: 'https://x.test/a' }, date: '2026-01-27', langHint: 'eng' });
  });

  it('reads a gzipped JSONL dump', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'dump.jsonl.gz'), gzipSync(`${JSON.stringify({ id: 'z', text: 'Zipped.' })}\n`));
    const docs = await readAll([dir]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ id: 'z', text: 'Zipped.' });
  });

  it('keeps an HTML page for conversion and takes html from a JSONL line without text', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'page.html'), '<html><body><p>Hello</p></body></html>');
    writeFileSync(path.join(dir, 'pages.jsonl'), `${JSON.stringify({ id: 'p', html: '<p>Hi</p>' })}\n`);
    const docs = await readAll([dir]);
    expect(docs.map((d) => [d.id, d.html !== null])).toEqual([
      ['page', true],
      ['p', true],
    ]);
  });

  it('walks folders in name order, reads files of unknown kinds by their content, and reports binary ones', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'b.txt'), 'B.');
    writeFileSync(path.join(dir, 'a.txt'), 'A.');
    writeFileSync(path.join(dir, 'notes.md'), 'A note that is text.');
    writeFileSync(path.join(dir, 'dump.data'), `${JSON.stringify({ id: 'inside', text: 'A JSONL line.' })}\n`);
    writeFileSync(path.join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));
    const skipped: string[] = [];
    const docs: InputDocument[] = [];
    for await (const d of readDocuments([dir], { onSkipped: (file, reason) => skipped.push(`${path.basename(file)}: ${reason}`) })) docs.push(d);
    expect(docs.map((d) => [d.id, d.error])).toEqual([
      ['a', null],
      ['b', null],
      ['inside', null],
      ['notes', null],
    ]);
    expect(skipped).toEqual(['photo.jpg: binary content, not a document']);
    expect(await countDocuments([dir])).toBe(4);
  });

  it('counts the documents of a dump as it reads them, without parsing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'd.jsonl'), '{"text":"a"}\n\n\r\n{bad\n{"text":"b"}');
    writeFileSync(path.join(dir, 'e.jsonl.gz'), gzipSync('{"text":"c"}\n{"text":"d"}\n'));
    expect(await countDocuments([dir])).toBe((await readAll([dir])).length);
    expect(await countDocuments([dir])).toBe(5);
  });

  it('turns bad input into documents with a clear error', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '1-empty.txt'), '');
    writeFileSync(path.join(dir, '2-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    writeFileSync(path.join(dir, '3-bad.jsonl'), `{"id":"ok","text":"Fine."}\n{not json\n[1,2]\n{"id":"nothing"}\n`);
    const docs = await readAll([dir]);
    expect(docs.map((d) => [d.id, d.error])).toEqual([
      ['1-empty', 'empty file'],
      ['2-binary', 'binary content, not text'],
      ['ok', null],
      ['3-bad#2', expect.stringContaining('line 2: malformed JSON')],
      ['3-bad#3', 'line 3: not a JSON object'],
      ['nothing', 'line 4: no "text" or "html" field'],
    ]);
  });

  it('reports a document over the size limit without keeping it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'big.jsonl'), `${JSON.stringify({ id: 'big', text: 'x'.repeat(5000) })}\n{"id":"small","text":"ok"}\n`);
    const docs = await readAll([dir], 1000);
    expect(docs[0]?.error).toMatch(/too large/);
    expect(docs[1]).toMatchObject({ id: 'small', error: null });
  });

  it('follows symbolic links in folders and reports a broken one', async () => {
    const dir = tempDir();
    const blobs = tempDir();
    writeFileSync(path.join(blobs, 'real.txt'), 'Real.');
    writeFileSync(path.join(dir, 'plain.txt'), 'Plain.');
    symlinkSync(path.join(blobs, 'real.txt'), path.join(dir, 'linked.txt'));
    symlinkSync(path.join(blobs, 'gone.txt'), path.join(dir, 'broken.txt'));
    const docs = await readAll([dir]);
    expect(docs.map((d) => [d.id, d.error])).toEqual([
      ['broken', 'broken symbolic link'],
      ['linked', null],
      ['plain', null],
    ]);
  });

  it('reports a missing input and goes on', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'here.txt'), 'Here.');
    const docs = await readAll([path.join(dir, 'missing.txt'), path.join(dir, 'here.txt')]);
    expect(docs.map((d) => [d.id, d.error === null])).toEqual([
      ['missing', false],
      ['here', true],
    ]);
  });
});

describe('ids', () => {
  it('are kept exactly as given, case and all, when unique', () => {
    const ids = new IdRegistry();
    for (const id of ['con', 'Story', 'story', 'STORY', 'a/b:c?', '..hidden', ' spaced ', '😀'.repeat(150)]) expect(ids.claim(id)).toBe(id);
  });

  it('give only true duplicates a suffix, and report them', () => {
    const reported: string[] = [];
    const ids = new IdRegistry((id, renamed) => reported.push(`${id} -> ${renamed}`));
    expect(['x', 'x', 'x~2', 'X', 'x'].map((id) => ids.claim(id))).toEqual(['x', 'x~2', 'x~2~2', 'X', 'x~3']);
    expect(reported).toEqual(['x -> x~2', 'x~2 -> x~2~2', 'x -> x~3']);
  });

  it('of a JSONL dump come out as written', async () => {
    const dir = tempDir();
    const lines = ['con', 'Story', 'story', 'STORY', 'Story'].map((id) => JSON.stringify({ id, text: 'Text.' }));
    writeFileSync(path.join(dir, 'd.jsonl'), `${lines.join('\n')}\n`);
    const duplicates: string[] = [];
    const docs: InputDocument[] = [];
    for await (const d of readDocuments([dir], { onDuplicateId: (id, renamed) => duplicates.push(`${id} -> ${renamed}`) })) docs.push(d);
    expect(docs.map((d) => d.id)).toEqual(['con', 'Story', 'story', 'STORY', 'Story~2']);
    expect(duplicates).toEqual(['Story -> Story~2']);
  });
});
