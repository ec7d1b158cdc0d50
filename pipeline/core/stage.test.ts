import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Root } from './document.ts';
import { parse } from './parse.ts';
import { toRecord } from './record.ts';
import { stagesPreset, type StageDefinition, type StageObserver } from './stage.ts';

function stage(name: string, transform: (tree: Root) => void): StageDefinition {
  const plugin: Plugin<[], Root> = () => transform;
  return { name, plugin, summarize: () => ({}) };
}

const shout = stage('shout', (tree) => {
  for (const b of tree.children) b.value = b.value.toUpperCase();
});
const broken = stage('broken', () => {
  throw new Error('no luck');
});

describe('stages as a preset', () => {
  it('throws a stage error as any unified plugin does, when no observer watches', () => {
    const processor = unified().use(parse).use(stagesPreset([shout, broken])).use(toRecord);
    expect(() => processor.processSync(new VFile('Text.'))).toThrow('no luck');
  });

  it('with an observer, fails the document at the stage that threw and skips the stages after it', () => {
    const seen: string[] = [];
    const observer: StageObserver = {
      start: (s, _file, input) => seen.push(`start ${s.name}: ${input}`),
      end: (s, _tree, _file, error) => seen.push(`end ${s.name}${error ? ` (${(error as Error).message})` : ''}`),
      skip: (s) => seen.push(`skip ${s.name}`),
    };
    const file = new VFile({ value: 'Text.', data: { id: 'a' } });
    unified().use(parse).use(stagesPreset([shout, broken, shout], {}, observer)).use(toRecord).processSync(file);
    expect(seen).toEqual(['start shout: Text.', 'end shout', 'start broken: TEXT.', 'end broken (no luck)', 'skip shout']);
    expect(file.result).toMatchObject({ text: 'TEXT.', error: { stage: 'broken', message: 'no luck' } });
  });

  it('gives each stage its options by the stage name', () => {
    const suffix: Plugin<[{ end: string }?], Root> = (options) => (tree) => {
      for (const b of tree.children) b.value += options?.end ?? '';
    };
    const file = new VFile('Text');
    unified().use(parse).use(stagesPreset([{ name: 'suffix', plugin: suffix, summarize: () => ({}) }], { suffix: { end: '!' } })).use(toRecord).processSync(file);
    expect(file.result).toMatchObject({ text: 'Text!' });
  });
});
