import { describe, expect, it } from 'vitest';
import { foldWord } from '../spelling.ts';
import { tokenize } from '../tokens.ts';
import { documentHints, infoOf, sentenceInfos, sentencesOf, UNREAD, type WordInfo } from './features.ts';
import { findPeople } from '../index.ts';
import { nameSegments, tagEntities } from './tag.ts';

const texts = (text: string, segments: number[]) => {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (let k = 0; k < segments.length; k += 2) out.push(tokens.slice(segments[k], segments[k + 1]).map((t) => t.text).join(' '));
  return out;
};

describe('the parts of a sentence the tagger scores', () => {
  it('are the tokens within one of a capital or an abbreviation, parts that touch joined', () => {
    const text = 'on monday the minister said that Luis de Guindos and later the U.S. envoy would meet in private';
    expect(texts(text, nameSegments(tokenize(text), 1))).toEqual(['that Luis de Guindos and', 'the U.S. envoy']);
    expect(texts(text, nameSegments(tokenize(text), 0))).toEqual(['Luis', 'Guindos', 'U.S.']);
    // Parts that touch are one: no token between them is O.
    expect(texts('said that Luis de Guindos and the U.S. envoy', nameSegments(tokenize('said that Luis de Guindos and the U.S. envoy'), 1))).toEqual(['that Luis de Guindos and the U.S. envoy']);
  });

  it('are the whole sentence when it has a word of a script without case', () => {
    const text = 'the envoy of Qatar met the سفير in the capital on a long visit';
    const tokens = tokenize(text);
    expect(nameSegments(tokens, 1)).toEqual([0, tokens.length]);
  });
});

describe('tagging around the capitals only', () => {
  it('finds a name with lower-case particles whole', () => {
    const run = (text: string) => tagEntities(text).filter((r) => r.type === 'PER').map((r) => r.tokens.map((t) => t.text).join(' '));
    expect(run('the economy minister Luis de Guindos said on tuesday that the deficit would fall.')).toEqual(['Luis de Guindos']);
    expect(run('the orchestra played a symphony by Ludwig van Beethoven to a full hall last night.')).toEqual(['Ludwig van Beethoven']);
  });

  it('still finds names in a script without case, and in a sentence that mixes one in', () => {
    expect(findPeople('Reuters reported on Tuesday: 国防部长董军周二表示，董军将访问俄罗斯。').map((p) => p.name)).toEqual(['董军']);
    const run = (text: string) => tagEntities(text).filter((r) => r.type === 'PER').map((r) => r.tokens.map((t) => t.text).join(' '));
    expect(run('the talks in ירושלים were led on tuesday by the prime minister Benjamin Netanyahu and his aides.')).toEqual(['Benjamin Netanyahu']);
  });

  it('finds the one name of a long sentence in lower case', () => {
    const text =
      'after weeks of talks that went on late into the night and well past the deadline the committee agreed ' +
      'on a plan that would cut spending and raise taxes over the next few years, according to a statement ' +
      'read out by Angela Merkel to the reporters who had waited outside the building since early in the morning.';
    const runs = tagEntities(text);
    expect(runs.map((r) => [r.type, r.tokens.map((t) => t.text).join(' ')])).toEqual([['PER', 'Angela Merkel']]);
  });

  it('gives a capitalised word the same document hints when the words far from capitals are not read', () => {
    const text =
      'Smith said the deal was done.\nthe smith of the village, who had worked there for many years, said nothing at all.\n' +
      'Talks with Jones went on; a reporter asked jones about the plan, and the minister Smith answered.';
    const sentences = sentencesOf(tokenize(text));
    const full = documentHints(sentences, sentenceInfos(sentences));
    const partial: WordInfo[][] = sentences.map((s) => {
      const segments = nameSegments(s.tokens, 1);
      return s.tokens.map((t, i) => (segments.some((_, k) => k % 2 === 0 && i >= (segments[k] as number) - 2 && i < (segments[k + 1] as number) + 2) ? infoOf(t) : UNREAD));
    });
    expect(partial.flat().filter((info) => info === UNREAD).length).toBeGreaterThan(10);
    const hints = documentHints(sentences, partial);
    for (const s of sentences) for (const t of s.tokens) if (t.capitalized && t.kind === 'word') expect([t.text, hints.get(foldWord(t.text))]).toEqual([t.text, full.get(foldWord(t.text))]);
    // "smith" in lower case, far from any capital, is still seen by Smith's hints.
    expect(hints.get('smith')).toBe(full.get('smith'));
    expect((full.get('smith') as number) & 1).toBe(1);
  });
});
