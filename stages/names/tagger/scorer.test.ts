import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokens.ts';
import { documentHints, sentenceFeatures, sentenceInfos, sentencesOf } from './features.ts';
import { addWeights, TAG_COUNT } from './model.ts';
import { createScorer } from './scorer.ts';
import { defaultModel } from './tag.ts';

/** Every token's scores the plain way: each feature of `sentenceFeatures` looked up in the model. */
function scoresByFeatures(text: string) {
  const model = defaultModel();
  const sentences = sentencesOf(tokenize(text));
  const infos = sentenceInfos(sentences);
  const hints = documentHints(sentences, infos);
  return sentences.map((s, n) => {
    const out = new Float64Array(s.tokens.length * TAG_COUNT);
    sentenceFeatures(s, hints, (1 << model.bits) - 1, infos[n]).forEach((row, i) => {
      addWeights(model, row, 0, row.length, out, i * TAG_COUNT);
      for (let k = 0; k < TAG_COUNT; k++) out[i * TAG_COUNT + k] = (out[i * TAG_COUNT + k] as number) * model.scale;
    });
    return out;
  });
}

function scoresByScorer(text: string, scorer = createScorer(defaultModel())) {
  const sentences = sentencesOf(tokenize(text));
  const infos = sentenceInfos(sentences);
  const hints = documentHints(sentences, infos);
  return sentences.map((s, n) => scorer.score(s, infos[n] ?? [], hints).slice(0, s.tokens.length * TAG_COUNT));
}

const NEWS = [
  'PUTIN MEETS XI IN BEIJING',
  'Chinese Defense Minister Dong Jun met Andrey Belousov on Monday, Reuters said.',
  'Dong said the talks were "frank". Belousov, 65, did not comment; the U.S. State Department declined.',
  'Leaders Gather In Brussels For Summit On Ukraine',
  'Сергей Шойгу встретился с Ван И. Μητσοτάκης είπε ότι ο Ερντογάν...',
].join('\n');

describe('the tagger scorer', () => {
  it('gives every token the same scores as its features looked up one by one', () => {
    expect(scoresByScorer(NEWS)).toEqual(scoresByFeatures(NEWS));
  });

  it('gives the same scores the second time, from the sums it remembered', () => {
    const scorer = createScorer(defaultModel());
    scoresByScorer(NEWS, scorer);
    expect(scoresByScorer(NEWS, scorer)).toEqual(scoresByFeatures(NEWS));
  });

  it('gives the same scores to a sentence of more shapes than its tables number (they start again)', () => {
    // Each mark is a shape of its own: 1,500 of them, then a name.
    const marks = Array.from({ length: 1500 }, (_, i) => String.fromCodePoint(0x2200 + i)).join(' ');
    const text = `${marks} said Angela Merkel.\nAngela Merkel, ${marks.slice(0, 400)} Berlin`;
    const scorer = createScorer(defaultModel());
    expect(scoresByScorer(text, scorer)).toEqual(scoresByFeatures(text));
    expect(scoresByScorer(NEWS, scorer)).toEqual(scoresByFeatures(NEWS));
  });

  it('gives the same scores from two scorers that read the same words in turn (each numbers them in its own tables)', () => {
    const first = createScorer(defaultModel());
    const second = createScorer(defaultModel(), 400);
    for (let round = 0; round < 3; round++) {
      expect(scoresByScorer(NEWS, first)).toEqual(scoresByFeatures(NEWS));
      expect(scoresByScorer(NEWS, second)).toEqual(scoresByFeatures(NEWS));
    }
  });

  it('gives the same scores to a long sentence of few words, whose sums fit its arena or do not', () => {
    // 1,200 tokens of five words: eight groups a token would not fit, the words' groups do (400),
    // or do not (30, and the sentence is scored from its features).
    const text = `${Array.from({ length: 240 }, () => 'Alpha beta Gamma, delta').join(' ')} said Angela Merkel.`;
    for (const groups of [400, 30]) {
      const scorer = createScorer(defaultModel(), groups);
      expect(scoresByScorer(text, scorer)).toEqual(scoresByFeatures(text));
      expect(scoresByScorer(NEWS, scorer)).toEqual(scoresByFeatures(NEWS));
    }
  });

  it('gives the same scores when its arena of sums fills up and starts again, within a sentence or between two', () => {
    for (const groups of [40, 90, 400]) {
      const scorer = createScorer(defaultModel(), groups);
      expect(scoresByScorer(NEWS, scorer)).toEqual(scoresByFeatures(NEWS));
      expect(scoresByScorer(NEWS, scorer)).toEqual(scoresByFeatures(NEWS));
    }
  });
});
