// Finds the people a text names: the trained tagger (tagger/) marks PER, ORG, LOC and MISC spans
// over the stage's words; its PER spans are the name mentions, each with the role written right
// before it ("Chinese Defense Minister"). Capitalised words the tagger left outside every entity
// are handed on: the document-wide linking makes them mentions when they shorten a name found.
import { foldWord, stopwordsFor } from '../../pipeline/core/stopwords.ts';
import { cjkNames, cyrillicChineseNames } from './cjk.ts';
import { tagEntities } from './tagger/tag.ts';
import { tokenize, type Token } from './tokens.ts';
import { isConnector, isCountry, isDemonym, isGivenName, isPlace, isRoleLinker, isRoleModifier, isRoleWord, isStopword, isTitle } from './words.ts';

export interface NameMention {
  /** The words of the name, offsets in the text. */
  tokens: Token[];
  /** "Chinese Defense Minister", when the name follows a title. */
  role: string | null;
  /** Why it is a person: `model` (the tagger), `chinese-name` (Palladius Cyrillic), `cjk-name` (Han or Hangul script). */
  evidence: string;
}

export interface FoundNames {
  tokens: Token[];
  mentions: NameMention[];
  /** Runs of capitalised words outside every entity; the linker may still make them mentions. */
  loose: Token[][];
}

/** Longest role before a name, in words. */
const MAX_ROLE_WORDS = 6;

const isNameToken = (t: Token) => (t.kind === 'word' || t.kind === 'initial') && t.capitalized;

/** The role words right before token `i` ("Chinese Defense Minister"), when they hold a title. */
function roleBefore(text: string, tokens: Token[], i: number): string | null {
  let k = i - 1;
  let hasTitle = false;
  let first = -1;
  while (k >= 0 && i - k <= MAX_ROLE_WORDS) {
    const t = tokens[k] as Token;
    if (t.kind === 'punct' && t.text === '.' && k > 0 && isTitle((tokens[k - 1] as Token).text)) {
      k--; // "Mr." and "Gen.": the period of an abbreviated title
      continue;
    }
    // A particle may join role words ("Secretary of State") but never ends the role: in
    // "el presidente de Telefónica" the capitalised words after "de" are what he presides.
    const linker = t.kind === 'word' && isRoleLinker(t.text);
    if (!isRoleWord(t) && !linker) break;
    if (first < 0 && linker) break;
    if (t.kind === 'word' && isTitle(t.text)) hasTitle = true;
    first = k;
    k--;
  }
  if (!hasTitle || first < 0) return null;
  // The word right before the name is the title itself ("Defense Minister Dong Jun"); a role word
  // there would make the capitals an office's name ("jefe de la Defensa Civil").
  const last = tokens[i - 1] as Token;
  const titleWord = last.text === '.' ? tokens[i - 2] : last;
  if (titleWord === undefined || (titleWord.kind === 'word' && titleWord.capitalized && !isTitle(titleWord.text) && !isDemonym(titleWord.text) && !isRoleModifier(titleWord.text))) return null;
  // A role does not start with a particle ("of", "de") or a capitalised stop word ("As President";
  // "US President" keeps its "US").
  const leadsNothing = (t: Token) =>
    isRoleLinker(t.text) || (isStopword(t.text) && !t.allCaps && t.kind !== 'abbreviation' && !isTitle(t.text));
  while (first < i - 1 && leadsNothing(tokens[first] as Token)) first++;
  const end = tokens[i - 1] as Token;
  return text.slice((tokens[first] as Token).start, end.end).replace(/\s+/g, ' ');
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']' };

/**
 * A tagged span cut at a bracket it does not close: a name may hold a nickname in brackets
 * (James Leander (Leo) Nichols), never half of one (a line-up's `Aldair (Evanilson, m.83)` is two
 * players).
 */
export function bracketFree(words: Token[]): Token[][] {
  const isBracket = (t: Token) => t.kind === 'punct' && (CLOSING[t.text] !== undefined || t.text === ')' || t.text === ']');
  // Read from the end: whether each opening bracket's closing one follows it in the span.
  const closedLater: boolean[] = [];
  const closers = new Set<string>();
  for (let i = words.length - 1; i >= 0; i--) {
    const t = words[i] as Token;
    if (!isBracket(t)) continue;
    const closing = CLOSING[t.text];
    if (closing === undefined) closers.add(t.text);
    else closedLater[i] = closers.has(closing);
  }
  const parts: Token[][] = [];
  let from = 0;
  // The opening brackets of the part so far, which a closing one may close.
  const opened = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const t = words[i] as Token;
    if (!isBracket(t)) continue;
    const closing = CLOSING[t.text];
    if (closing !== undefined ? closedLater[i] === true : opened.has(t.text === ')' ? '(' : '[')) {
      if (closing !== undefined) opened.add(t.text);
      continue;
    }
    parts.push(words.slice(from, i));
    from = i + 1;
    opened.clear();
  }
  parts.push(words.slice(from));
  return parts;
}

/**
 * A tagged span without what the tagger may have let in at its edges: punctuation, a title
 * ("M. Barrot" in French: "M." is the role) and a place or nationality before a name of two
 * words or more that opens with a given name ("России Владимир Путин": the place is not the person's).
 */
function trimmed(words: Token[]): Token[] {
  let a = 0;
  let b = words.length;
  while (a < b && !isNameToken(words[a] as Token) && (words[a] as Token).kind !== 'abbreviation') a++;
  while (b > a && (words[b - 1] as Token).kind === 'punct') b--;
  while (b - a > 1) {
    const w = words[a] as Token;
    // French elides the article into the title: L'entraîneur.
    const title = w.kind === 'word' && isTitle(w.text.replace(/^[ldLD]['’]/u, '')) && !isGivenName(w.text);
    // A place before a given name (России Владимир Путин; not Jordan Henderson).
    const next = words[a + 1] as Token;
    const place = w.kind === 'word' && b - a > 2 && !isConnector(w.text.toLowerCase()) && (isPlace(w.text) || isCountry(w.text) || isDemonym(w.text)) && isNameToken(next) && isGivenName(next.text);
    if (!title && !place) break;
    a++;
  }
  return words.slice(a, b);
}

/**
 * A span without the function word that opened its sentence ("While Washington publicly warned":
 * `While`): a capital a sentence gives any word, which the tagger may read as a name's (retraining
 * flips it: the names README, "Errors on the samples"). Only a word of the document language's
 * function words (`pipeline/core/stopwords.ts`, a hundred or so a language), never a given name
 * (Will, May, Said) or a particle of a surname (Le Pen, De Niro), and only before another name word.
 */
function withoutOpeningFunctionWord(words: Token[], functionWords: Set<string> | null): Token[] {
  if (functionWords === null || words.length < 2) return words;
  const first = words[0] as Token;
  if (!first.sentenceStart || first.kind !== 'word' || !isNameToken(words[1] as Token)) return words;
  const lower = first.text.toLowerCase();
  if (!functionWords.has(foldWord(lower)) || isGivenName(first.text) || isConnector(lower)) return words;
  return words.slice(1);
}

/** The index of a token of the text in its tokens, which are in the order of their offsets (a search, not a table of every token). */
function positionOf(tokens: Token[], token: Token): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < token.start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const CYRILLIC_OR_GREEK = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
/** Chinese names in Cyrillic are looked for word by word only in a text that has Cyrillic at all. */
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * A person's span with the given name written right before it, when the tagger left that outside
 * every entity: in Cyrillic and Greek only, which the tagger learned nothing of and where it often
 * takes a declined first name for an ordinary word (Турции Хаканом [Фиданом]).
 */
function withGivenNameBefore(tokens: Token[], inEntity: Set<Token>, words: Token[]): Token[] {
  // An empty span returns before it is read past its end (a read out of bounds threw away the optimised code of `findNames`).
  if (words.length === 0) return words;
  const first = words[0] as Token;
  if (!CYRILLIC_OR_GREEK.test(first.text)) return words;
  const prev = tokens[positionOf(tokens, first) - 1];
  if (prev === undefined || inEntity.has(prev) || prev.kind !== 'word' || !prev.capitalized || prev.sentenceStart) return words;
  if (!CYRILLIC_OR_GREEK.test(prev.text) || !isGivenName(prev.text) || isTitle(prev.text) || isPlace(prev.text) || isCountry(prev.text)) return words;
  return [prev, ...words];
}

/**
 * The capitalised words outside every entity, in runs, and the one-word Cyrillic and Greek
 * entities of other types: the tagger learned no Russian or Greek, and takes a name in the
 * genitive (του Μητσοτάκη) for a place as often as not; linking makes it a mention when it
 * shortens a name the document gives.
 */
function looseRuns(tokens: Token[], inEntity: Set<Token>, others: Token[][]): Token[][] {
  const loose: Token[][] = others.filter((run) => run.length === 1 && CYRILLIC_OR_GREEK.test((run[0] as Token).text));
  let pending: Token[] = [];
  for (const t of tokens) {
    if (isNameToken(t) && !inEntity.has(t)) pending.push(t);
    else if (pending.length > 0) {
      loose.push(pending);
      pending = [];
    }
  }
  if (pending.length > 0) loose.push(pending);
  return loose;
}

/** The people a text (the whole body: blocks are separated by line breaks) names, and the capitalised words left for linking. */
export function findNames(text: string, lang = 'und'): FoundNames {
  const tokens = tokenize(text);
  // In French, "M." before a name is Monsieur, not an initial (M. Macron).
  if (lang === 'fra') for (const t of tokens) if (t.kind === 'initial' && t.text === 'M.') t.kind = 'word';
  const chinese = HAS_CYRILLIC.test(text) ? cyrillicChineseNames(tokens) : [];
  const inChinese = new Set(chinese.flatMap(([a, b]) => tokens.slice(a, b + 1)));
  const inEntity = new Set<Token>(inChinese);
  // Always an array made empty and pushed to: one made by `map` has another kind of elements when
  // it is empty than when it is not, and V8's optimised code for this function, made for one,
  // was thrown away at the other (and compiled again, at 100 to 200 ms of CPU each time).
  const mentions: NameMention[] = [];
  for (const [a, b] of chinese) mentions.push({ tokens: tokens.slice(a, b + 1), role: roleBefore(text, tokens, a), evidence: 'chinese-name' });
  const others: Token[][] = [];
  const functionWords = lang === 'und' ? null : stopwordsFor(lang);
  for (const run of tagEntities(text, tokens)) {
    if (run.tokens.some((t) => inChinese.has(t))) continue;
    for (const t of run.tokens) inEntity.add(t);
    if (run.type !== 'PER') {
      others.push(run.tokens.filter(isNameToken));
      continue;
    }
    for (const part of bracketFree(run.tokens)) {
      const words = withGivenNameBefore(tokens, inEntity, withoutOpeningFunctionWord(trimmed(part), functionWords));
      // A lone initial names nobody (M.63: a goal's minute in a match report).
      if (words.length === 0 || (words.length === 1 && (words[0] as Token).kind === 'initial')) continue;
      mentions.push({ tokens: words, role: roleBefore(text, tokens, positionOf(tokens, words[0] as Token)), evidence: 'model' });
      for (const t of words) inEntity.add(t);
    }
  }
  for (const t of cjkNames(text)) mentions.push({ tokens: [t], role: null, evidence: 'cjk-name' });
  mentions.sort((a, b) => (a.tokens[0] as Token).start - (b.tokens[0] as Token).start);
  return { tokens, mentions, loose: looseRuns(tokens, inEntity, others) };
}
