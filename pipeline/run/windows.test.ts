import { afterEach, describe, expect, it } from 'vitest';
import type { StageDefinition } from '../core/stage.ts';
import type { InputDocument } from './read.ts';
import { learnInWindows, LEARNING_WINDOW } from './windows.ts';

const defaults = { ...LEARNING_WINDOW };
afterEach(() => Object.assign(LEARNING_WINDOW, defaults));

const doc = (id: string): InputDocument => ({ id, source: { path: id, url: null }, text: `Text of ${id}.`, html: null, date: null, langHint: null, error: null });

/** A stage whose learner notes each document it is given and learns the ids of its window. */
function noting(log: string[]): StageDefinition {
  return {
    name: 'note',
    plugin: () => () => {},
    createLearner: () => {
      const ids: string[] = [];
      return {
        add: (d: { id: string }) => {
          log.push(`learn ${d.id}`);
          ids.push(d.id);
        },
        result: () => ids.join(','),
      };
    },
  } as unknown as StageDefinition;
}

async function* input(ids: string[]): AsyncGenerator<InputDocument> {
  for (const id of ids) yield doc(id);
}

describe('learning windows', () => {
  it('learns the first window whole, then the next one a document at a time as the first goes out', async () => {
    LEARNING_WINDOW.documents = 3;
    const log: string[] = [];
    const learned: Record<string, unknown> = {};
    for await (const d of learnInWindows(input(['a', 'b', 'c', 'd', 'e', 'f', 'g']), [noting(log)])) {
      log.push(`out ${d.id}`);
      learned[d.id] = d.learned?.note;
    }
    expect(log).toEqual([
      'learn a', 'learn b', 'learn c',
      'learn d', 'out a', 'learn e', 'out b', 'learn f', 'out c',
      'learn g', 'out d', 'out e', 'out f',
      'out g',
    ]);
    // Each document gets what its own window learned, as when windows were learned one by one.
    expect(learned).toEqual({ a: 'a,b,c', b: 'a,b,c', c: 'a,b,c', d: 'd,e,f', e: 'd,e,f', f: 'd,e,f', g: 'g' });
  });

  it('passes the documents through untouched when no stage learns', async () => {
    const out: string[] = [];
    for await (const d of learnInWindows(input(['a', 'b']), [])) out.push(d.id);
    expect(out).toEqual(['a', 'b']);
  });
});
