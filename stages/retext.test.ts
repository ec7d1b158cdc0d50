// Any retext plugin runs on newsnorm's documents, after the stages, through onBlocks (pipeline/core/nlcst.ts).
import retextReadability from 'retext-readability';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createDocumentFile, parseDocument } from '../pipeline/core/document.ts';
import { onBlocks } from '../pipeline/core/nlcst.ts';
import { preset } from './index.ts';

describe('retext plugins on the pipeline', () => {
  it('finds retext-readability messages in the file, placed in the document', () => {
    const hard =
      'Notwithstanding the aforementioned considerations, the intergovernmental commission unanimously recommended comprehensive institutional reorganisation, prioritising transparency, accountability and administrative decentralisation.';
    // A paragraph long enough for the language stage to settle on English without loading Lingua's models.
    const plain =
      'The ministers met in the capital on Tuesday. They talked for most of the day about the new budget and about the roads in the north. In the end they agreed on a plan, and they will meet again in the spring to see how far it has gone.';
    // Two spaces before the hard paragraph: its place in the document is not its place in the record's text.
    const input = `${plain}\n\n  ${hard}`;
    const file = createDocumentFile(input);
    const tree = parseDocument(input);
    unified().use(preset).use(onBlocks(retextReadability, { age: 12 })).runSync(tree, file);
    const readability = file.messages.filter((m) => m.source === 'retext-readability');
    expect(readability).toHaveLength(1);
    const start = readability[0]?.place && 'start' in readability[0].place ? readability[0].place.start.offset : -1;
    expect(input.slice(start ?? -1)).toBe(hard);
  });
});
