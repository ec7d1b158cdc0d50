// Finds the people a text names on its own: runs of capitalised words, cut where a role ends
// and a name begins, kept when the words themselves say "person" (a given name first, an initial,
// a Chinese surname and a pinyin given name, a title before, a speech verb beside). Capitalised
// words that are not yet known to be people are handed on, for the document-wide linking.
import { chineseFromCyrillic } from './palladius.ts';
import { hasCyrillic } from './spelling.ts';
import { tokenize, type Token } from './tokens.ts';
import {
  isChineseSurname,
  isConnector,
  isCountry,
  isDemonym,
  isGivenName,
  isNameWord,
  isOrgWord,
  isPinyin,
  isPlace,
  isRoleWord,
  isSpeechCueAfter,
  isSpeechCueBefore,
  isStopword,
  isCapitalisedTitle,
  isRoleLinker,
  isRoleModifier,
  isTitle,
} from './words.ts';

export interface NameMention {
  /** The words of the name, offsets in the block. */
  tokens: Token[];
  /** "Chinese Defense Minister", when the name follows a title. */
  role: string | null;
  /** Why it is a person: `given-name`, `initial`, `chinese-name`, `title`, `speech-verb`, `name-words`. */
  evidence: string;
}

export interface FoundNames {
  tokens: Token[];
  mentions: NameMention[];
  /** Runs of capitalised words that no rule made a person; the linker may still. */
  loose: Token[][];
}

/** Longest name, in words: longer runs are cut into names of this size at most. */
const MAX_NAME_WORDS = 6;
/** Longest role before a name, in words. */
const MAX_ROLE_WORDS = 6;

const isNameToken = (t: Token) => (t.kind === 'word' || t.kind === 'initial') && t.capitalized;

/** Where a run of name-like tokens starting at `from` ends: capitalised words and inner particles. */
function runEnd(tokens: Token[], from: number): number {
  let j = from;
  while (j < tokens.length) {
    const t = tokens[j] as Token;
    if (isNameToken(t) || t.kind === 'abbreviation') {
      j++;
      continue;
    }
    // Particles (de la, van der) belong to the run only when a capitalised word follows them.
    let k = j;
    while (k < tokens.length && (tokens[k] as Token).kind === 'word' && isConnector((tokens[k] as Token).text)) k++;
    if (k > j && j > from && k < tokens.length && isNameToken(tokens[k] as Token)) {
      j = k;
      continue;
    }
    break;
  }
  return j;
}

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

/** How far a name starting at `i` reaches inside the run [i, end). */
function nameEnd(tokens: Token[], i: number, end: number): number {
  const caps = (tokens[i] as Token).allCaps;
  let j = i + 1;
  while (j < end && j - i < MAX_NAME_WORDS && !(tokens[j - 1] as Token).possessive) {
    const t = tokens[j] as Token;
    if (t.kind === 'word' && isConnector(t.text)) {
      // Particles join a surname only when a name-like word follows: "de la Serna", not
      // "Juan Bosco de Mérida" (a place) or "en Palma la V Temporada".
      let k = j;
      while (k < end && isConnector((tokens[k] as Token).text)) k++;
      const after = tokens[k];
      if (k < end && after !== undefined && after.kind === 'word' && after.capitalized && after.text.length > 1 && !isPlace(after.text) && !isOrgWord(after.text) && !isStopword(after.text)) {
        j = k;
        continue;
      }
      break;
    }
    if (!isNameToken(t) || isOrgWord(t.text) || (t.kind === 'word' && isTitle(t.text) && !isGivenName(t.text))) break;
    // A headline in capitals ends where the text in ordinary case begins ("... PADRES Palma").
    if (t.kind === 'word' && t.allCaps !== caps) break;
    // In a Title Case headline a third capitalised word must be a name word ("Donald Trump Wants").
    if (t.headline && j - i >= 2 && !isNameWord(t.text)) break;
    // There a short function word ends a name too: "Putin Meets Xi In Beijing As Talks Stall".
    if (t.headline && t.kind === 'word' && t.text.length <= 3 && isStopword(t.text) && !isGivenName(t.text) && !isChineseSurname(t.text) && !isNameWord(t.text)) break;
    j++;
  }
  // A wire byline ends with the place and the date: "Por Juan Miguel Núñez Madrid, 23 may".
  const comma = tokens[j];
  const date = tokens[j + 1];
  if (j - i >= 3 && isPlace((tokens[j - 1] as Token).text) && comma?.text === ',' && date?.kind === 'number') j--;
  // A demonym after a name is the person's nationality or a team ("Missing German").
  while (j - 1 > i && isDemonym((tokens[j - 1] as Token).text)) j--;
  // Trailing particles and initials are not part of the name.
  while (j - 1 > i && ((tokens[j - 1] as Token).kind !== 'word' || !(tokens[j - 1] as Token).capitalized)) j--;
  return j;
}

function wholeIsPlace(words: Token[]): boolean {
  return isPlace(words.map((w) => w.text).join(' '));
}

/**
 * A given name that opens a name. Some given names are also function words (De, La, Del, Will,
 * Son): those count only inside a sentence and when longer than three letters.
 */
function opensWithGivenName(t: Token): boolean {
  if (t.kind !== 'word' || !isGivenName(t.text)) return false;
  return !isStopword(t.text) || (!t.sentenceStart && t.text.length > 3);
}

/** Words k and k+1 are a Chinese name in Cyrillic (Ли Шанфу, Си Цзиньпин). */
function cyrillicChineseAt(words: Token[], k: number): boolean {
  const a = words[k];
  const b = words[k + 1];
  return a !== undefined && b !== undefined && hasCyrillic(a.text) && chineseFromCyrillic([a.text, b.text]) !== null;
}

/** Why the words [i, j) are a person's name, or null. */
function evidenceFor(tokens: Token[], i: number, j: number, role: string | null, lowercase: Set<string>): string | null {
  const words = tokens.slice(i, j);
  const first = words[0] as Token;
  const n = words.length;
  const next = tokens[j];
  if (words.some((w) => w.kind === 'word' && isOrgWord(w.text))) return null;
  // Names joined by an ampersand are a firm (Johnson & Johnson, Marks & Spencer, Ernst & Young).
  if (next?.text === '&' || tokens[i - 1]?.text === '&') return null;
  // Followed, in the same run of capitals, by the word of an organisation ("Security Council").
  const after = tokens[j];
  if (after !== undefined && after.kind === 'word' && after.capitalized && after.start - (tokens[j - 1] as Token).end <= 1 && isOrgWord(after.text)) return null;
  if (n === 1 && (isPlace(first.text) || isDemonym(first.text) || isStopword(first.text))) return null;
  if (n > 1 && wholeIsPlace(words)) return null;
  // A run that opens with a stop word or with something other than the given name inside it
  // ("PP Cristina Herrera", "Aunque Cañellas"): the name starts further on.
  if (first.kind === 'word' && isStopword(first.text) && !opensWithGivenName(first) && !isChineseSurname(first.text) && !cyrillicChineseAt(tokens, i)) return null;
  if (first.kind === 'word' && !isGivenName(first.text) && !isChineseSurname(first.text) && words.slice(1).some((w, k) => opensWithGivenName(w) || cyrillicChineseAt(tokens, i + k + 1))) return null;
  // An acronym after a title is what the title heads (председатель КНР, President of the EU).
  // One word after a title with more capitals right after it qualifies the title ("Премьер
  // Госсовета Ли Цян"): the name is further on.
  const runGoesOn = n === 1 && next !== undefined && isNameToken(next) && next.start - first.end <= 1;
  if (role !== null && first.kind === 'word' && !isPlace(first.text) && !(n === 1 && first.allCaps) && !runGoesOn) return 'title';
  if (first.kind === 'word' && !isPlace(first.text) && !isDemonym(first.text) && !isStopword(first.text) && describedPerson(tokens, i)) return 'descriptor';
  const prev = tokens[i - 1];
  // "said Texas manager Johnny Oates": a name followed by a role word is an employer, not a speaker.
  const speech = (next !== undefined && next.kind === 'word' && !next.capitalized && isSpeechCueAfter(next.text)) ||
    // '"...", said Smith.' puts the speaker last; "said Apple would" opens a reported clause.
    (prev !== undefined && prev.kind === 'word' && !prev.capitalized && isSpeechCueBefore(prev.text) && (next === undefined || next.kind === 'punct' || next.kind === 'break'));
  if (n === 1) {
    if (speech && first.kind === 'word' && !first.allCaps && isNameWord(first.text) && !first.sentenceStart) return 'speech-verb';
    return null;
  }
  const last = words[n - 1] as Token;
  const caps = words.every((w) => w.allCaps || w.kind === 'initial');
  if (opensWithGivenName(first) && !isDemonym(first.text)) {
    // In an all-caps headline every word is capitalised, and a given name that is also a country
    // or region (Jordan, America) may be the place: ask the other words to be names too. Cities
    // named after people (Vladimir, Florence, Mary) do not count.
    if ((!caps && !isCountry(first.text)) || (n <= 3 && words.slice(1).every((w) => isNameWord(w.text)))) return 'given-name';
  }
  if (first.kind === 'initial' && last.kind === 'word' && isNameWord(last.text) && !isStopword(last.text) && (!caps || n === 2)) return 'initial';
  if (n === 2 && cyrillicChineseAt(words, 0)) return 'chinese-name';
  if (n === 2 && first.kind === 'word' && last.kind === 'word') {
    if (isChineseSurname(first.text) && isPinyin(last.text) && !caps) return 'chinese-name';
    if (isChineseSurname(last.text) && isPinyin(first.text) && !isChineseSurname(first.text) && !caps) return 'chinese-name';
  }
  if (caps) return null;
  if (speech) return 'speech-verb';
  // The document writing a word in lower case elsewhere says it is a common word, not a name.
  if (n <= 3 && !first.sentenceStart && words.every((w) => w.kind === 'word' && isNameWord(w.text) && !isPlace(w.text) && !isStopword(w.text) && !isDemonym(w.text) && !lowercase.has(w.text.toLowerCase()))) {
    return 'name-words';
  }
  return null;
}

// Prepositions: "presidente de Petrobras, Philippe Reichstuhl" names a firm before the comma.
const PREPOSITIONS = new Set(['de', 'del', 'en', 'of', 'in', 'at', 'for', 'para', 'por', 'con', 'a', 'al', 'from', 'to', 'von', 'vom', 'zu', 'bei', 'mit', 'du', 'des', 'à', 'au', 'aux', 'di', 'da', 'dal', 'della', 'do', 'na', 'no', 'em', 'в', 'на', 'из', 'σε', 'στο', 'στη', 'από']);
const LIST_SEPARATORS = new Set([',', ';', 'y', 'and', 'e', 'et', 'und', 'i', 'и', 'και', 'o', 'or']);
// Lower-case words that describe a person by origin, club or trade (el barcelonista, el chileno,
// der Brasilianer): after an article, the capitalised word that follows is a person.
const DESCRIPTOR = /(?:ista|istas|ense|eño|eña|ano|ana|ino|ina|és|esa|ero|era|ier|ière|ien|ienne|ois|oise|aner|iner|er)$/u;
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'il', 'lo', 'le', 'der', 'die', 'the', 'o', 'a', 'un', 'una', 'ein', 'eine', 'un', 'une']);

function describedPerson(tokens: Token[], i: number): boolean {
  const d = tokens[i - 1];
  const a = tokens[i - 2];
  const t = tokens[i] as Token;
  return !t.allCaps && d !== undefined && a !== undefined && d.kind === 'word' && !d.capitalized && DESCRIPTOR.test(d.text) && !isStopword(d.text) &&
    a.kind === 'word' && ARTICLES.has(a.text.toLowerCase());
}

/** Could these loose words be a name, if their neighbours say so? */
function nameShaped(words: Token[], lowercase: Set<string>): boolean {
  return words.length <= 3 && words.every((w) => !lowercase.has(w.text.toLowerCase()) && w.kind === 'word' && !w.allCaps && !isPlace(w.text) && !isOrgWord(w.text) && !isDemonym(w.text) && !isStopword(w.text) && !isTitle(w.text) && !isRoleWord(w));
}

/**
 * Names in a list with people are people: "Silvinho, Cesar Sampaio, Emerson y Rivaldo". A loose
 * run separated by a comma or a conjunction from a person (a parenthesis in between skipped)
 * becomes one, and so on along the list, in both directions.
 */
function promoteListNeighbours(tokens: Token[], mentions: NameMention[], loose: Token[][], lowercase: Set<string>): Token[][] {
  const position = new Map<Token, number>();
  tokens.forEach((t, i) => position.set(t, i));
  const personAt = new Set<number>(); // indexes of the first and last token of every person
  for (const m of mentions) {
    personAt.add(position.get(m.tokens[0] as Token) as number);
    personAt.add(position.get(m.tokens.at(-1) as Token) as number);
  }
  // The token index of the list item next to `edge`, across one separator, or -1.
  const across = (edge: number, step: 1 | -1): number => {
    let k = edge + step;
    const skipParen = (): void => {
      // Skip one parenthesis: "Rivaldo (Emerson Asuncao, m.83) y Elber".
      const open = step === 1 ? '(' : ')';
      const close = step === 1 ? ')' : '(';
      if (tokens[k]?.text !== open) return;
      let n = 0;
      while (k >= 0 && k < tokens.length && tokens[k]?.text !== close && n < 12) {
        k += step;
        n++;
      }
      k += step;
    };
    skipParen();
    const sep = tokens[k];
    if (sep === undefined || !LIST_SEPARATORS.has(sep.text.toLowerCase()) || sep.capitalized) return -1;
    k += step;
    skipParen();
    return k >= 0 && k < tokens.length ? k : -1;
  };
  const candidates = loose.filter((run) => nameShaped(run, lowercase));
  const promoted = new Set<Token[]>();
  // A line-up: four or more name-shaped items in a row, joined only by separators, most of them
  // known name words ("Parma: Buffon; Sartor, Thuram, Cannavaro; Fuser"), is a list of people.
  const runAt = new Map<number, Token[]>();
  for (const run of candidates) runAt.set(position.get(run[0] as Token) as number, run);
  let k = 0;
  while (k < tokens.length) {
    const items: Token[][] = [];
    let at = k;
    for (;;) {
      const run = runAt.get(at);
      if (run === undefined) break;
      items.push(run);
      const sep = tokens[at + run.length];
      if (sep === undefined || !LIST_SEPARATORS.has(sep.text.toLowerCase()) || sep.capitalized) break;
      at += run.length + 1;
    }
    if (items.length >= 4) {
      const words = items.flat();
      const known = words.filter((w) => isNameWord(w.text)).length;
      if (known * 4 >= words.length * 3) {
        for (const run of items) {
          promoted.add(run);
          mentions.push({ tokens: run, role: null, evidence: 'list' });
          personAt.add(position.get(run[0] as Token) as number);
          personAt.add(position.get(run.at(-1) as Token) as number);
        }
      }
    }
    k = items.length > 0 ? at + 1 : k + 1;
  }
  for (const pass of [1, -1, 1] as const) {
    const ordered = pass === 1 ? candidates : [...candidates].reverse();
    for (const run of ordered) {
      if (promoted.has(run)) continue;
      const first = position.get(run[0] as Token) as number;
      const last = position.get(run.at(-1) as Token) as number;
      // A list item stands between separators (or a sentence edge), after no preposition.
      const left = tokens[first - 1];
      const right = tokens[last + 1];
      if (left?.text === '&' || right?.text === '&') continue;
      if (left !== undefined && (PREPOSITIONS.has(left.text.toLowerCase()) || (left.kind === 'word' && !LIST_SEPARATORS.has(left.text.toLowerCase())))) continue;
      if (right !== undefined && right.kind === 'word' && !LIST_SEPARATORS.has(right.text.toLowerCase())) continue;
      const before = across(first, -1);
      const after = across(last, 1);
      if ((before >= 0 && personAt.has(before)) || (after >= 0 && personAt.has(after))) {
        promoted.add(run);
        personAt.add(first);
        personAt.add(last);
        mentions.push({ tokens: run, role: null, evidence: 'list' });
      }
    }
  }
  return loose.filter((run) => !promoted.has(run));
}

/** The people a text (the whole body: blocks are separated by line breaks) names by itself, and the capitalised words left for linking. */
export function findNames(text: string, lang = 'und'): FoundNames {
  const tokens = tokenize(text);
  // In French, "M." before a name is Monsieur, not an initial (M. Macron).
  if (lang === 'fra') for (const t of tokens) if (t.kind === 'initial' && t.text === 'M.') t.kind = 'word';
  const lowercase = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !t.capitalized) lowercase.add(t.text);
  const mentions: NameMention[] = [];
  const loose: Token[][] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!isNameToken(t) && t.kind !== 'abbreviation') {
      i++;
      continue;
    }
    const end = runEnd(tokens, i);
    let pending: Token[] = [];
    let p = i;
    while (p < end) {
      const w = tokens[p] as Token;
      const startsName = isNameToken(w) && !(w.kind === 'word' && isConnector(w.text));
      let found: NameMention | null = null;
      let q = p + 1;
      // A title opening the run is the role of the name after it (Sir Henry, President Bill Clinton).
      const next = tokens[p + 1];
      // Titles that are given names too (King, Prince) count as titles when capitalised here.
      const title = w.kind === 'word' && (isTitle(w.text) || isRoleModifier(w.text)) && p + 1 < end &&
        (!isGivenName(w.text) || isCapitalisedTitle(w.text) || (next !== undefined && next.kind === 'word' && isGivenName(next.text)));
      if (startsName && !title) {
        q = nameEnd(tokens, p, end);
        const role = roleBefore(text, tokens, p);
        // Try the longest name first, then one word shorter, then the first word alone
        // ("John Smith Jones" falls back to "John Smith"): at most three tries per start.
        for (const k of new Set([q, q - 1, p + 1])) {
          if (k <= p || found !== null) continue;
          const evidence = evidenceFor(tokens, p, k, role, lowercase);
          if (evidence !== null) {
            found = { tokens: tokens.slice(p, k), role, evidence };
            q = k;
          }
        }
      }
      if (found !== null) {
        if (pending.length > 0) loose.push(pending);
        pending = [];
        mentions.push(found);
        p = q;
      } else {
        if (w.kind !== 'abbreviation') pending.push(w);
        else if (pending.length > 0) {
          loose.push(pending);
          pending = [];
        }
        p++;
      }
    }
    if (pending.length > 0) loose.push(pending);
    i = Math.max(end, i + 1);
  }
  const rest = promoteListNeighbours(tokens, mentions, loose, lowercase);
  mentions.sort((a, b) => (a.tokens[0] as Token).start - (b.tokens[0] as Token).start);
  return { tokens, mentions, loose: rest };
}
