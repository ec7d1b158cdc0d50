// The headline: the block before the story's first paragraph that reads most like that story's
// headline. A page opens with navigation, then the headline (sometimes with a byline, a date, a
// standfirst or a photo caption between it and the story), then the story. The headline is chosen
// after the article's region is known, from general signals rather than a site's layout: how close
// it stands to the story's first paragraph, how many of its words the story repeats (a related
// story's headline shares few), its length, how it ends, whether a byline or a date stands right
// below it, and whether another rule knows it as chrome (a phrase of the menus and share bars, a
// teaser, a site name), which rules it out. Lines at the head of a story are then read in the order
// pages set them: kicker, headline, standfirst (`inHeaderOrder`). Whether the classifier called
// it short chrome by its neighbours does not count: a headline is a short line between a menu and
// the story.
import { stopwordsFor } from '../../pipeline/core/stopwords.ts';
import { foldToken, plainStopword, stopwordTable, type BlockFeatures } from './features.ts';

export interface TitleCandidate {
  value: string;
  features: BlockFeatures;
  heading: boolean;
  /** The rule that already decided the block by itself (a phrase, a teaser, a site name), if any. */
  forcedRule: string | null;
}

export interface TitleOptions {
  /** How many blocks before the story's first paragraph may hold the headline (default 30). */
  window?: number;
  /** The least score a headline needs (default 0.5). */
  minScore?: number;
}

/** Rules that know a block as chrome by itself, yet may hold the page's headline: list furniture and site templates repeat it. */
const SOFT_RULES = new Set(['repeated-line', 'template']);
const BYLINE = /^(?:by|von|par|por|przez|автор|от|του|της|από|作者|记者|文)[\s:：]/iu;
// A Han or kana character alone, or a run of other letters and digits (which stops at a Han character: "30周年").
const TOKEN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{M}\p{N}])+/gu;
const BREADCRUMB = /^[»›>]|\s[>»›/|]\s.*\s[>»›/|]\s|\s[>»›]\s/u;
const REAL_WORD = /\p{L}{3,}/gu;
const NAME_LIKE = /^(?:\p{Lu}[\p{L}'’.-]*[\s|]*){1,5}$/u;
/** How much a standfirst may outscore the headline right above it on shared words. */
const STANDFIRST_MARGIN = 0.5;
const HAN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const DATED = /(?<!\p{N})(?:(?:19|20)\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?!\p{N})/u;
const BARE_CLOCK = /^\s*\d{1,2}:\d{2}\s*$/u;
/** How much a byline or a date right below adds to a line's score as a headline. */
const SIGNED_BONUS = 0.3;
const OPENS_LOWER = /^\p{Ll}/u;
const SENTENCE_END = /[.!?…。！？]+["'”’»)]*(?:\s|$)|[。！？]/gu;

/** Whether a block reads like a headline or a label rather than a paragraph of the story. */
export function headlineLike(c: TitleCandidate): boolean {
  return (c.heading || !c.features.endsLikeSentence) && c.features.words <= 30;
}

/**
 * A word as the headline and the story are compared: lower case, without accents, cut to its first
 * five letters, so that inflected forms meet ("рассказала" / "рассказал", "Czechach" / "Czech").
 * Han and kana are compared character by character; stopwords and one-letter words do not count.
 */
export function contentWords(text: string, stopwords: Set<string>): string[] {
  const out: string[] = [];
  for (const token of text.toLowerCase().match(TOKEN) ?? []) {
    const w = contentWord(token, stopwords);
    if (w !== null) out.push(w);
  }
  return out;
}

/** A token's content word (`contentWords`), or null for a stopword, a number or a single letter. */
function contentWord(token: string, stopwords: Set<string>): string | null {
  // A token holding a Han character is that character alone (one or two code units), and folding
  // makes no Han character (but may map one to another). Its kind is read from the table, not by
  // the pattern (one test per short token: "of", "in", "и"; a few percent of the headline's time).
  if (token.length <= 2 && tokenChar(token.codePointAt(0) as number) === ALONE) return foldToken(token);
  const w = foldToken(token);
  if (w.length < 2 || isNumber(w) || stopwords.has(w)) return null;
  return w.slice(0, 5);
}

/** Only the digits 0-9. */
function isNumber(word: string): boolean {
  return isNumberAt(word, 0, word.length);
}

/** Only the digits 0-9 from `start` to `end`. */
function isNumberAt(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

// What TOKEN makes of a character: a token alone (Han, kana), part of a run (another letter, a
// mark, a number) or neither; per code point, looked up once.
const NOT_TOKEN = 1;
const ALONE = 2;
const IN_RUN = 3;
const TOKEN_RUN = /^[\p{L}\p{M}\p{N}]$/u;
const tokenChars = new Uint8Array(0x40000);

function tokenChar(code: number): number {
  let kind = code < tokenChars.length ? (tokenChars[code] as number) : 0;
  if (kind === 0) {
    const ch = String.fromCodePoint(code);
    kind = HAN.test(ch) ? ALONE : TOKEN_RUN.test(ch) ? IN_RUN : NOT_TOKEN;
    if (code < tokenChars.length) tokenChars[code] = kind;
  }
  return kind;
}

/**
 * The content words of the story's opening (its first `leadLength` characters) and of the whole
 * `text`, from one reading of it (the opening is a prefix of the story), as the sets the headline's
 * words are looked up in (gathered into them as they are read: no lists of a story's thousand words).
 */
export function storyContentWords(text: string, leadLength: number, stopwords: Set<string>): { lead: Set<string>; body: Set<string> } {
  const lowered = text.toLowerCase();
  const loweredLead = text.slice(0, leadLength).toLowerCase();
  // Lower case is the same in the prefix (but for a final sigma at the cut, or a letter that lowers to two).
  if (!lowered.startsWith(loweredLead)) return { lead: new Set(contentWords(text.slice(0, leadLength), stopwords)), body: new Set(contentWords(text, stopwords)) };
  const cut = loweredLead.length;
  const lead = new Set<string>();
  const body = new Set<string>();
  const table = stopwordTable(stopwords);
  const take = (start: number, end: number, run: boolean): void => {
    // A run whose characters all fold to themselves is its own content word (`contentWord`): it
    // is looked up among the stopwords by its hash, and only its first five letters are sliced.
    const stop = run ? plainStopword(table, lowered, start, end) : null;
    const w =
      stop === null
        ? contentWord(lowered.slice(start, end), stopwords)
        : stop || end - start < 2 || isNumberAt(lowered, start, end)
          ? null
          : lowered.slice(start, Math.min(end, start + 5));
    if (w !== null) body.add(w);
    if (end <= cut) {
      if (w !== null) lead.add(w);
    } else if (start < cut) {
      // The token the cut goes through: the opening holds what its own reading finds there.
      for (const part of contentWords(loweredLead.slice(start), stopwords)) lead.add(part);
    }
  };
  // TOKEN's matches, found by a table read per character rather than the pattern.
  let runStart = -1;
  for (let i = 0; i <= lowered.length; i++) {
    const at = i;
    let code = i < lowered.length ? lowered.charCodeAt(i) : -1;
    if (code >= 0xd800 && code <= 0xdbff) {
      code = lowered.codePointAt(i) as number;
      if (code > 0xffff) i++;
    }
    const kind = code === -1 ? NOT_TOKEN : tokenChar(code);
    if (runStart !== -1 && kind !== IN_RUN) {
      take(runStart, at, true);
      runStart = -1;
    }
    if (runStart === -1) {
      if (kind === ALONE) take(at, i + 1, false);
      else if (kind === IN_RUN) runStart = at;
    }
  }
  return { lead, body };
}

/** Share of the candidate's content words the story repeats. */
function overlap(candidate: string, body: Set<string>, stopwords: Set<string>): number {
  const words = contentWords(candidate, stopwords);
  if (words.length === 0) return 0;
  return words.filter((w) => body.has(w)).length / words.length;
}

/** Sentence ends: a mark followed by a space or the end ("C.A.R.E." inside a headline is no sentence). */
function sentenceEnds(text: string): number {
  return text.match(SENTENCE_END)?.length ?? 0;
}

/**
 * A line that signs or dates a story, as pages set right below its headline: a byline, or a short
 * line with a year or a numeric date ("Updated 18 Nov 2019", "Dariusz Rosiak 17-12-2011").
 */
function signsHeadline(c: TitleCandidate): boolean {
  const text = c.value.trim();
  return c.features.words <= 20 && (BYLINE.test(text) || /^(?:by|von|par|por)$/iu.test(text) || DATED.test(text));
}

/** A byline and its source ("Эд Пилкингтон | The Guardian"): names of a word to three on each side of a bar. */
function nameAndSource(text: string): boolean {
  const parts = text.split(/\s*[|•·]\s*/u);
  return parts.length >= 2 && parts.every((p) => NAME_LIKE.test(p) && p.split(/\s+/u).length <= 3);
}

/** Why a block can never be the headline, or null when it may be. */
function ruledOut(c: TitleCandidate): string | null {
  const f = c.features;
  const text = c.value.trim();
  if (c.forcedRule !== null && !SOFT_RULES.has(c.forcedRule)) return 'chrome';
  if (f.words < 2 || f.words > 35 || f.urlDensity > 0) return 'length';
  if (sentenceEnds(text) >= 3 || f.seams >= 2 || f.timestamps > 0 || f.truncated) return 'shape';
  if (f.digitRatio > 0.2) return 'dates';
  if (BYLINE.test(text) || nameAndSource(text)) return 'byline';
  if (BREADCRUMB.test(text)) return 'breadcrumb';
  // A list of tags or names ("Tagi: bakterie, dziąsła, higiena, …"): many commas, a word or two between them.
  if (f.commas >= 4 && f.words / (f.commas + 1) < 3) return 'list';
  // A counter or a label ("Photos ( 1 )"): fewer than two real words.
  if ((text.match(REAL_WORD) ?? []).length < 2 && !HAN.test(text)) return 'label';
  // A menu: a long line without a single function word.
  if (f.words >= 12 && f.stopwordDensity === 0 && f.script !== 'Han') return 'menu';
  return null;
}

/** The words of the URL's path ("/articles/google-stadia-microsoft-xcloud-1157"), when it names the story. */
export function slugWords(url: string | null | undefined, stopwords: Set<string>): Set<string> {
  if (!url) return new Set();
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return new Set();
  }
  const words = contentWords(path.replace(/[-_/.+]+/gu, ' '), stopwords).filter((w) => !HAN.test(w));
  return words.length >= 3 ? new Set(words) : new Set();
}

/** A line's score as the headline, and the share of its words the story's first paragraphs repeat. */
interface Scored {
  score: number;
  lead: number;
}

interface Evidence {
  /** Share of the candidate's words in the story's first paragraphs. */
  lead: number;
  /** Share in the story as a whole. */
  body: number;
  /** Share in the URL's path; 0 when the URL has no words. */
  slug: number;
  /** A byline or a dated line stands right below (a headline's own: "By …", "17-12-2011, aktualizacja …"). */
  signed: boolean;
  /** A bare clock time stands right above: an item of a news feed ("20:42", then a headline). */
  afterClock: boolean;
}

/** How much a block reads like the headline of the story that starts `distance` blocks after it. */
function headlineScore(c: TitleCandidate, distance: number, e: Evidence): number {
  const f = c.features;
  const text = c.value.trim();
  let score = e.lead + 0.5 * e.body + 1.0 * e.slug - 0.005 * (distance - 1);
  if (f.words >= 4 && f.words <= 20) score += 0.3;
  else if (f.words < 4) score -= 0.2;
  if (c.heading) score += 0.2;
  // A sentence of the story, a standfirst or a caption ends with a full stop; a headline seldom does.
  if (!c.heading && /[.。]["'”’»)]*$/u.test(text)) score -= 0.4;
  if (f.sentenceMarks === 2) score -= 0.2;
  // A list item or a caption's credit ("(Credit: iStock)"; a one-word tag such as "(PHOTO)" may end a headline).
  if (/^[-–—•*·»›]/u.test(text) || /\([^()]*\s[^()]*\)$/u.test(text)) score -= 0.3;
  // Tags and menu items: several words and not one function word.
  if (f.words >= 3 && f.stopwordDensity === 0 && f.script !== 'Han') score -= 0.2;
  // Chrome by a rule of its own costs; a line repeated on the page does not (pages repeat their headline too).
  if (c.forcedRule !== null && c.forcedRule !== 'repeated-line') score -= 0.3;
  // A headline opens with a capital (in scripts with case); a line that does not continues something.
  if (OPENS_LOWER.test(text)) score -= 0.4;
  // A name (a byline, a section, a product): a few capitalised words and not one function word.
  if (f.words <= 4 && f.stopwordDensity === 0 && NAME_LIKE.test(text)) score -= 0.3;
  if (e.signed) score += SIGNED_BONUS;
  if (e.afterClock) score -= 0.5;
  return score;
}

/**
 * The index of the headline among `blocks`, whose story opens at `bodyStart` (the first kept block
 * that reads as a paragraph) with the kept paragraphs `body` (in order); null when nothing reads as
 * its headline. `url` is the page's address, whose path often spells the headline.
 */
export function chooseTitle(blocks: TitleCandidate[], bodyStart: number, body: string[], lang: string, url: string | null = null, options: TitleOptions = {}): number | null {
  if (bodyStart <= 0) return null;
  const window = options.window ?? 30;
  const stopwords = stopwordsFor(lang);
  // The story's words are gathered once a line is left to compare with them (often none is).
  let story: { lead: Set<string>; body: Set<string>; slug: Set<string> } | null = null;
  const storyWords = (): { lead: Set<string>; body: Set<string>; slug: Set<string> } => {
    if (story === null) {
      // The opening (first two paragraphs, 1,500 characters at most) is a prefix of the story's text.
      const words = storyContentWords(joinedPrefix(body, 6000), joinedPrefix(body.slice(0, 2), 1500).length, stopwords);
      story = { lead: words.lead, body: words.body, slug: slugWords(url, stopwords) };
    }
    return story;
  };
  const minScore = options.minScore ?? 0.5;
  const scores = new Map<number, Scored>();
  let best: number | null = null;
  for (let i = bodyStart - 1, distance = 1; i >= Math.max(0, bodyStart - window); i--, distance++) {
    const c = blocks[i] as TitleCandidate;
    if (ruledOut(c) !== null) continue;
    const words = contentWords(c.value, stopwords);
    if (words.length === 0) continue;
    const { lead: leadWords, body: bodyWords, slug } = storyWords();
    const lead = share(words, leadWords);
    const score = headlineScore(c, distance, {
      lead,
      body: share(words, bodyWords),
      slug: slug.size > 0 ? share(words, slug) : 0,
      signed: signedBelow(blocks, i),
      afterClock: i > 0 && BARE_CLOCK.test((blocks[i - 1] as TitleCandidate).value),
    });
    scores.set(i, { score, lead });
    if (score > minScore && (best === null || score > (scores.get(best) as Scored).score)) best = i;
  }
  if (best === null) return null;
  // A line that ends in another candidate (a breadcrumb ending in the headline, a dated copy of it) gives way to it.
  const bestLine = (blocks[best] as TitleCandidate).value;
  for (const [i, scored] of scores) {
    const c = blocks[i] as TitleCandidate;
    if (i !== best && scored.score > minScore && c.features.words >= 3 && endsWith(bestLine, c.value)) return i;
  }
  return inHeaderOrder(blocks, best, scores, minScore);
}

/** Share of `words` (not empty) that `set` holds. */
function share(words: string[], set: Set<string>): number {
  let n = 0;
  for (const w of words) if (set.has(w)) n++;
  return n / words.length;
}

/** A byline or a dated line within three blocks below block `i`. */
function signedBelow(blocks: TitleCandidate[], i: number): boolean {
  for (let j = i + 1; j <= i + 3 && j < blocks.length; j++) if (signsHeadline(blocks[j] as TitleCandidate)) return true;
  return false;
}

/** The first `length` characters of `parts` joined by newlines, without joining the rest. */
function joinedPrefix(parts: string[], length: number): string {
  let text = parts[0] ?? '';
  for (let i = 1; i < parts.length && text.length < length; i++) text += `\n${parts[i]}`;
  return text.slice(0, length);
}

/**
 * The headline among the lines that stand together at the head of a story, in the order pages set
 * them: a kicker (a section's name in a word or three) above the headline, a standfirst below it.
 * A standfirst retells the story's first paragraph and so often outscores the headline on shared
 * words; a line right above the best one that reads nearly as well as a headline (four words or
 * more, and neither a copy of the best line, as breadcrumbs and dated lists hold, nor a kicker in
 * capitals) is the headline, and the best line its standfirst. A short best line right above a
 * line that reads as a headline is its kicker.
 */
function inHeaderOrder(blocks: TitleCandidate[], best: number, scores: Map<number, Scored>, minScore: number): number {
  const bestScore = (scores.get(best) as Scored).score;
  const line = (i: number) => blocks[i] as TitleCandidate;
  const readsAsHeadline = (i: number) => (scores.get(i)?.score ?? -Infinity) >= 1.5 * minScore && line(i).features.words >= 4;
  const above = best - 1;
  const aboveScored = scores.get(above);
  // The line above names something the story's opening tells too (a vote widget or a section's name does not).
  const headsStandfirst =
    aboveScored !== undefined &&
    readsAsHeadline(above) &&
    aboveScored.lead > 0 &&
    bestScore - aboveScored.score <= STANDFIRST_MARGIN &&
    !copies(line(above).value, line(best).value) &&
    !(allCapitals(line(above).value) && !allCapitals(line(best).value));
  if (headsStandfirst) return above;
  if (line(best).features.words < 4 && readsAsHeadline(best + 1)) {
    return best + 1;
  }
  return best;
}

/** Whether a line holds another's letters (a breadcrumb or a dated list holding the line below). */
function copies(line: string, other: string): boolean {
  return lettersOf(line).includes(lettersOf(other));
}

const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;
const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

/** Letters and digits only, lower case: how copies of a line are compared. */
function lettersOf(text: string): string {
  return text.toLowerCase().replace(NOT_LETTERS_OR_DIGITS, '');
}

/** Whether a line ends in another's letters and holds more than them. */
function endsWith(line: string, other: string): boolean {
  const a = lettersOf(line);
  const b = lettersOf(other);
  return a.length > b.length && a.endsWith(b);
}

/** Written in capitals only (a kicker or a section's name in many layouts). */
function allCapitals(text: string): boolean {
  return HAS_UPPER.test(text) && !HAS_LOWER.test(text);
}
