// What the stage reads of a block's text by itself, before any context: its features, its phrase
// form, the phrase of the tables it is, whether it is a site name on its own, its key among the
// site templates and its letters as a headline is compared. Each is worked out once per block, not
// once per rule that asks. Most blocks of a dump are short lines its pages share (menus, share
// bars, bylines: three blocks in four on the bench dump), so a short block's facts are
// remembered, and one lookup by its text gives them all.
import { blockFeatures, type BlockFeatures } from './features.ts';
import { isSiteName } from './patterns.ts';
import { MAX_PHRASE_BLOCK, phraseFacts, type PhraseMatch } from './phrases.ts';
import { templateKey, templateKeyOfForm } from './template.ts';

/** A block's facts. Those of a short block are shared between documents: read them through the functions below, never change them. */
export interface BlockFacts {
  /** The phrase form (`normalisePhrase`); null for a block longer than any phrase (its form is not made). */
  form: string | null;
  /** The phrase of the tables the block is, if any. */
  phrase: PhraseMatch | null;
  /** Nothing but a URL, a domain name or an e-mail address. */
  siteName: boolean;
  /** The key the site templates know it by (`templateKey`), once asked for (undefined before). */
  key: string | null | undefined;
  /** Its letters and digits as a headline is compared (`headlineKey` of index.ts), once asked for (undefined before). */
  headline: string | undefined;
  /** Its features, by the body's language and its own. */
  features: { lang: string; blockLang: string | undefined; features: BlockFeatures }[];
}

/** Blocks up to this long are remembered. */
const REMEMBERED_LENGTH = 120;
/**
 * Remembered texts at most; the memory is emptied when full. 25,000 since session 12: 50,000 held
 * 34 MB at the end of the 1 GB bench dump's first 400 MB (21 MB at the end of the 100 MB dump; the
 * later texts are longer and more often two bytes a character). Halving it and the three other
 * caches of short texts (template keys, the language stage's detections and short readings) took
 * one worker's peak there from 682 to 573 MB for about 5 % more CPU, the same output (docs/speed.md,
 * "Where the memory goes").
 */
const REMEMBERED_TEXTS = 25_000;
/** Languages a remembered text keeps features for (a menu line of a site is read in one or two). */
const LANGUAGES_PER_TEXT = 8;

let remembered = new Map<string, BlockFacts>();
/** A block longer than every phrase: no form is made. */
const NO_PHRASE = { form: null, phrase: null };

/**
 * A string of its own with the text's characters. A block's text is a piece of its document's,
 * and the engine keeps such a piece as a view of the whole: remembered as it is, it would keep
 * every page it came from alive (about 20 MB on the 10 MB bench slice, and up to a page per entry).
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** The facts of a block's text. */
export function blockFacts(text: string): BlockFacts {
  if (text.length > REMEMBERED_LENGTH) {
    const { form, phrase } = text.length > MAX_PHRASE_BLOCK ? NO_PHRASE : phraseFacts(text);
    return { form, phrase, siteName: isSiteName(text), key: undefined, headline: undefined, features: [] };
  }
  let facts = remembered.get(text);
  if (facts === undefined) {
    const { form, phrase } = phraseFacts(text);
    // Every field set here, none added later: an object's fields added after it is made are kept
    // in a second store of their own (about 40 bytes more a remembered text).
    facts = { form, phrase, siteName: isSiteName(text), key: undefined, headline: undefined, features: [] };
    if (remembered.size >= REMEMBERED_TEXTS) remembered = new Map();
    remembered.set(ownCopy(text), facts);
  }
  return facts;
}

/** The block's features in a body in `lang`, the block itself in `blockLang`. */
export function featuresOf(facts: BlockFacts, text: string, lang: string, blockLang: string | undefined): BlockFeatures {
  for (const f of facts.features) if (f.lang === lang && f.blockLang === blockLang) return f.features;
  const features = blockFeatures(text, lang, blockLang);
  const entry = { lang, blockLang, features };
  // The first entry in an array of one: a push would make room for seventeen (most texts are read
  // in one language).
  if (facts.features.length === 0) facts.features = [entry];
  else if (facts.features.length < LANGUAGES_PER_TEXT) facts.features.push(entry);
  return features;
}

/** The block's key among the site templates (`templateKey`). */
export function templateKeyOf(facts: BlockFacts, text: string): string | null {
  if (facts.key === undefined) facts.key = facts.form === null ? templateKey(text) : templateKeyOfForm(facts.form);
  return facts.key;
}

/** The block's headline key, made by `make` the first time. */
export function headlineKeyOf(facts: BlockFacts, text: string, make: (text: string) => string): string {
  if (facts.headline === undefined) facts.headline = make(text);
  return facts.headline;
}
