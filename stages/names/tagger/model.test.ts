import { describe, expect, it } from 'vitest';
import { allowed, maskedTransitions, type Model, TAG_COUNT, viterbi } from './model.ts';

/** A small generator of numbers, so that the test is the same every run. */
function numbers(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s % 2001) / 100 - 10;
  };
}

/**
 * The best allowed tag sequence by trying every one (TAG_COUNT^n of them); `afterO` and `beforeO`:
 * the tokens are a part of a sentence with an O before them, after them.
 */
function bestByEnumeration(model: Model, e: Float64Array, n: number, afterO = false, beforeO = false): number[] {
  let best: number[] = [];
  let bestScore = -Infinity;
  const tags = new Array<number>(n).fill(0);
  for (let k = 0; k < TAG_COUNT ** n; k++) {
    for (let i = 0, r = k; i < n; i++, r = Math.floor(r / TAG_COUNT)) tags[n - 1 - i] = r % TAG_COUNT;
    if (tags[0] !== 0 && (tags[0] as number) % 2 === 0) continue;
    const first = tags[0] as number;
    let score = (afterO ? (model.transition[first] as number) : (model.start[first] as number)) + (e[first] as number);
    for (let i = 1; i < n && score > -Infinity; i++) {
      const p = tags[i - 1] as number;
      const t = tags[i] as number;
      score = allowed(p, t) ? score + (model.transition[p * TAG_COUNT + t] as number) + (e[i * TAG_COUNT + t] as number) : -Infinity;
    }
    if (beforeO) score += model.transition[(tags[n - 1] as number) * TAG_COUNT] as number;
    if (score > bestScore) {
      bestScore = score;
      best = [...tags];
    }
  }
  return best;
}

/** A model of random transitions and a sentence of `n` tokens of random scores under it. */
function randomSentence(next: () => number, n: number): { model: Model; n: number; e: Float64Array } {
  const model: Model = {
    bits: 1,
    emit: new Float32Array(0),
    scale: 1,
    transition: Float32Array.from({ length: TAG_COUNT * TAG_COUNT }, next),
    start: Float32Array.from({ length: TAG_COUNT }, next),
  };
  return { model, n, e: Float64Array.from({ length: n * TAG_COUNT }, next) };
}

describe('viterbi', () => {
  it('finds the best sequence of tags where I-X follows only B-X or I-X', () => {
    const next = numbers(7);
    for (let round = 0; round < 40; round++) {
      const { model, n, e } = randomSentence(next, 1 + (round % 4));
      expect(viterbi(model, e, n, maskedTransitions(model))).toEqual(bestByEnumeration(model, e, n));
    }
  });

  it('finds the best sequence of a part of a sentence with O before it, after it, or both', () => {
    const next = numbers(11);
    for (let round = 0; round < 60; round++) {
      const { model, n, e } = randomSentence(next, 1 + (round % 4));
      const afterO = round % 3 !== 1;
      const beforeO = round % 3 !== 0;
      expect(viterbi(model, e, n, maskedTransitions(model), afterO, beforeO)).toEqual(bestByEnumeration(model, e, n, afterO, beforeO));
    }
  });
});
