// What the stage reads of a block's text by itself, before any context: its features, its phrase
// form, the phrase of the tables it is, whether it is a site name on its own, and its key among
// the site templates. Each is worked out once per block, not once per rule that asks. Most blocks
// of a dump are short lines its pages share (menus, share bars, bylines: three blocks in four on
// the bench dump), so a short block's facts are remembered, and one lookup by its text gives them all.
import { blockFeatures, type BlockFeatures } from './features.ts';
import { isSiteName } from './patterns.ts';
import { MAX_PHRASE_BLOCK, normalisePhrase, phraseOfForm, type PhraseMatch } from './phrases.ts';
import { templateKey, templateKeyOfForm } from './template.ts';

export interface BlockFacts {
  /** The phrase form (`normalisePhrase`); null for a block longer than any phrase (its form is not made). */
  form: string | null;
  /** The phrase of the tables the block is, if any. */
  phrase: PhraseMatch | null;
  /** Nothing but a URL, a domain name or an e-mail address. */
  siteName: boolean;
  /** The key the site templates know it by (`templateKey`), made when first asked for. */
  templateKey(): string | null;
  /** Its features read in the body's language and its own. */
  features: BlockFeatures;
}

/** Blocks up to this long are remembered. */
const REMEMBERED_LENGTH = 120;
/** Remembered texts at most (about 20 MB); the memory is emptied when full. */
const REMEMBERED_TEXTS = 50_000;
/** Languages a remembered text keeps features for (a menu line of a site is read in one or two). */
const LANGUAGES_PER_TEXT = 8;

interface Remembered {
  form: string;
  phrase: PhraseMatch | null;
  siteName: boolean;
  key?: string | null;
  /** Features by body and block language. */
  features: { lang: string; blockLang: string | undefined; features: BlockFeatures }[];
}

let remembered = new Map<string, Remembered>();

/** The facts of a block, in a document whose body is in `lang`; the block's own language is `blockLang`. The facts are shared: read them, never change them. */
export function blockFacts(text: string, lang: string, blockLang: string | undefined): BlockFacts {
  if (text.length > REMEMBERED_LENGTH) return measured(text, lang, blockLang);
  let r = remembered.get(text);
  if (r === undefined) {
    const form = normalisePhrase(text);
    r = { form, phrase: phraseOfForm(text, form), siteName: isSiteName(text), features: [] };
    if (remembered.size >= REMEMBERED_TEXTS) remembered = new Map();
    remembered.set(text, r);
  }
  const known = r;
  let features: BlockFeatures | undefined;
  for (const f of known.features) if (f.lang === lang && f.blockLang === blockLang) features = f.features;
  if (features === undefined) {
    features = blockFeatures(text, lang, blockLang);
    if (known.features.length < LANGUAGES_PER_TEXT) known.features.push({ lang, blockLang, features });
  }
  return {
    form: known.form,
    phrase: known.phrase,
    siteName: known.siteName,
    templateKey: () => (known.key === undefined ? (known.key = templateKeyOfForm(known.form)) : known.key),
    features,
  };
}

function measured(text: string, lang: string, blockLang: string | undefined): BlockFacts {
  const form = text.length > MAX_PHRASE_BLOCK ? null : normalisePhrase(text);
  return {
    form,
    phrase: form === null ? null : phraseOfForm(text, form),
    siteName: isSiteName(text),
    templateKey: () => (form === null ? templateKey(text) : templateKeyOfForm(form)),
    features: blockFeatures(text, lang, blockLang),
  };
}
