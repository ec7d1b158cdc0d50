// franc-all's ranking (`francAll(text)`, franc-all 7.2.0, MIT), computed from its own data and
// script expressions, with the same numbers in the same order, but from the text's side: franc
// walks every language of the text's script (some 300 for Latin) and looks each of the text's
// trigrams up in each; here each trigram is looked up once, in an index from trigram to the
// languages that have it and its rank there, and only those languages' distances change.
// A language's distance is 300 for every trigram of the text it lacks and |count - rank - 1| for
// one it has (franc's formula): 300 * trigrams, less (300 - |count - rank - 1|) for each it has.
import { data } from 'franc-all/data.js';
import { expressions } from 'franc-all/expressions.js';

const MAX_LENGTH = 2048;
const MIN_LENGTH = 10;
const MAX_DIFFERENCE = 300;

interface ScriptIndex {
  languages: string[];
  /** Trigram → the languages that have it and its rank in each: language index, rank, language index, rank… */
  trigrams: Map<string, number[]>;
}

const indexes = new Map<string, ScriptIndex>();

/** The index of a script's languages (franc's `data[script]`), built on first use. */
function scriptIndex(script: string): ScriptIndex {
  let index = indexes.get(script);
  if (index) return index;
  const models = data[script] as Record<string, string>;
  const languages = Object.keys(models);
  const trigrams = new Map<string, number[]>();
  languages.forEach((language, l) => {
    const model = (models[language] as string).split('|');
    // A trigram listed twice keeps its first rank: franc fills its table from the end.
    const rankOf = new Map<string, number>();
    model.forEach((trigram, rank) => rankOf.has(trigram) || rankOf.set(trigram, rank));
    for (const [trigram, rank] of rankOf) {
      let list = trigrams.get(trigram);
      if (!list) trigrams.set(trigram, (list = []));
      list.push(l, rank);
    }
  });
  index = { languages, trigrams };
  indexes.set(script, index);
  return index;
}

/** The script whose expression matches most of the text (franc's `getTopScript`), and that share. */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topCount = -1;
  for (const script of Object.keys(expressions)) {
    const matches = value.match(expressions[script] as RegExp);
    const count = (matches ? matches.length : 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/** The text's trigrams and their counts, fewest first, ties in order of first sight (trigram-utils' `asTuples`). */
function trigramCounts(value: string): [string, number][] {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = cleaned.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[1] - b[1]);
}

/** franc-all's `francAll(value)`: languages with a score of 1 for the best, best first. */
export function francRank(value: string): [string, number][] {
  if (!value || value.length < MIN_LENGTH) return [['und', 1]];
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  // A script of one language (franc's data has none for it) names that language.
  if (script === undefined || !(script in data)) return script === undefined || share === 0 ? [['und', 1]] : [[script, 1]];
  const index = scriptIndex(script);
  const tuples = trigramCounts(value);
  const gains = new Float64Array(index.languages.length);
  for (const [trigram, count] of tuples) {
    const list = index.trigrams.get(trigram);
    if (!list) continue;
    for (let k = 0; k < list.length; k += 2) {
      const l = list[k] as number;
      gains[l] = (gains[l] as number) + MAX_DIFFERENCE - Math.abs(count - (list[k + 1] as number) - 1);
    }
  }
  const full = MAX_DIFFERENCE * tuples.length;
  const distances: [string, number][] = index.languages.map((language, l) => [language, full - (gains[l] as number)]);
  distances.sort((a, b) => a[1] - b[1]);
  // franc's `normalize`.
  const min = (distances[0] as [string, number])[1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const d of distances) d[1] = 1 - (d[1] - min) / max || 0;
  return distances;
}
