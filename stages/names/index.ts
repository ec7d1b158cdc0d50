// Stage `names`: the people a document's body names, each once, with every mention (offsets into
// the record's `text`), the roles written before the name, a canonical name that is the same for
// the same person in every document of a run (canonical.ts, batch.ts; a gazetteer can pin it),
// and a key that is the same in every run (phonetic.ts).
import type { Plugin } from 'unified';
import { assembleText, type Root } from '../../pipeline/core/document.ts';
import type { StageDefinition } from '../../pipeline/core/stage.ts';
import { batchName, type LearnedNames } from './batch.ts';
import { namesLearning } from './learning.ts';
import { canonicalOrder, displayName, nominativeWords } from './canonical.ts';
import { findNames } from './detect.ts';
import { type Gazetteer, loadGazetteer, lookupPerson, parseGazetteer } from './gazetteer.ts';
import { linkPeople, type LinkedPerson } from './link.ts';
import { phoneticKey } from './phonetic.ts';

/** A person the text names: the record's `people` entry. */
export interface Person {
  name: string;
  aliases: string[];
  mentions: { text: string; start: number; end: number }[];
  roles?: string[];
  id?: string | null;
  /** Spelling- and batch-independent key for joining runs (the gazetteer id, else a phonetic key). */
  key?: string;
}

declare module 'vfile' {
  interface DataMap {
    /** The people of the body, set by this stage. */
    people: Person[];
  }
}

export interface NamesOptions {
  /** A gazetteer file (JSON or CSV: name, aliases, id), or one already parsed. */
  gazetteer?: string | Gazetteer | null;
  /** The text's language (ISO 639-3), for the few rules that depend on it (French "M."). */
  lang?: string;
  /** The full Latin names of the batch (the runner's learner gives them as `file.data.learned.names`). */
  learned?: LearnedNames;
}

export { loadGazetteer, parseGazetteer, type Gazetteer };

function toPerson(text: string, p: LinkedPerson, gazetteer: Gazetteer | null, learned?: LearnedNames): Person {
  const mentions = p.mentions.map((m) => ({ text: text.slice(m.start, m.end), start: m.start, end: m.end }));
  const written = canonicalOrder(p.best).map((w) => w.text);
  // The batch's most frequent full Latin spelling of the person, if the batch names them.
  let name = batchName(learned, written) ?? displayName(p.best);
  let id: string | null = null;
  if (gazetteer !== null) {
    // The canonical form first, then every surface form of the person.
    const forms = [name, ...mentions.map((m) => m.text)];
    const hit = lookupPerson(gazetteer, [...new Set(forms)]);
    if (hit !== null) {
      name = hit.name;
      id = hit.id;
    }
  }
  const aliases: string[] = [];
  for (const m of mentions) if (m.text !== name && !aliases.includes(m.text)) aliases.push(m.text);
  return { name, aliases, mentions, roles: p.roles, id, key: id ?? phoneticKey(nominativeWords(written)) };
}

/**
 * Plain function: the people of a text (the record's `text`: offsets index it). Every mention's
 * `text` equals `text.slice(start, end)`.
 */
export function findPeople(text: string, options: NamesOptions = {}): Person[] {
  const gazetteer = typeof options.gazetteer === 'string' ? loadGazetteer(options.gazetteer) : (options.gazetteer ?? null);
  const { mentions, loose } = findNames(text, options.lang);
  return linkPeople({ mentions, loose }).map((p) => toPerson(text, p, gazetteer, options.learned));
}

const names: Plugin<[NamesOptions?], Root> = function names(options = {}) {
  // Read the gazetteer once per processor, not once per document.
  const gazetteer = typeof options.gazetteer === 'string' ? loadGazetteer(options.gazetteer) : (options.gazetteer ?? null);
  return (tree, file) => {
    const learned = file.data.learned?.names as LearnedNames | undefined;
    file.data.people = findPeople(assembleText(tree).text, { gazetteer, lang: file.data.lang, learned });
  };
};

export default names;
export { names };

export const namesStage: StageDefinition = {
  ...namesLearning,
  plugin: names,
  summarize: (_tree, file) => ({
    people: (file.data.people ?? []).map((p) => ({ name: p.name, id: p.id ?? null, roles: p.roles ?? [], mentions: p.mentions.length })),
  }),
};
