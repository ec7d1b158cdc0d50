// Stage `language`: the language of every block and of the document, ISO 639-3, with a confidence;
// `und` where there is no evidence. The detector (detect.ts) is Lingua behind a script check, and
// franc (franc.ts) names the languages Lingua does not know; see MEASUREMENTS.md for what each
// choice was worth on the development sets.
import type { Plugin } from 'unified';
import { assembleText, excerpt, parseDocument, type Block, type Root } from '../../pipeline/core/document.ts';
import { splitTree, type BlocksOptions } from '../blocks/index.ts';
import type { StageDefinition } from '../../pipeline/core/stage.ts';
import { detectLanguage as detectRaw, type DetectResult } from './detect.ts';
import { stopwordVote } from '../../pipeline/core/stopwords.ts';
import { kindOf, LETTER, MARK } from '../../pipeline/core/text.ts';
import { amongFor, CLOSE, QUICK_MIN_CHARS, quickAgrees, quickCandidates, quickDetect, quickRead } from './quick.ts';
import { beyondLingua, FRANC_MIN_CHARS } from './franc.ts';
import { ownCopy } from '../../pipeline/core/own-copy.ts';
import { SharedCandidates } from './shared-candidates.ts';

export type Detection = DetectResult;

declare module 'vfile' {
  interface DataMap {
    /** The body's language (ISO 639-3, `und` without evidence), set by this stage. */
    lang: string;
    /** How sure the detector was of `lang`, 0..1. */
    langConfidence: number;
  }
}

export interface LanguageOptions {
  /**
   * A block whose best language is not the document's takes the document's language when that
   * scored at least this share of the best (short blocks are ambiguous; the document is not).
   */
  documentPrior?: number;
  /**
   * `best` (default): short blocks that their document's language does not explain are read by
   * Lingua's one- to five-gram models (about 2 MB a language as the stage's tables, loaded as a
   * dump's languages turn up). `fast`: Lingua's trigram models everywhere (8 MB for all 75);
   * short foreign blocks are named less reliably (see MEASUREMENTS.md).
   */
  accuracy?: 'best' | 'fast';
}

/** Characters of a block the detector reads: past about three hundred, more text changes no answer (mixed dev blocks: 0.990 at 320 and at 600) and costs Lingua time in proportion. */
const MAX_DETECT_CHARS = 320;
const CACHE_MAX_LENGTH = 200;
/**
 * Short texts answered from the cache (menus and templates repeat across a dump): a key and a
 * detection each. 50,000 held 6.7 MB at the end of the 100 MB bench dump and 14.9 MB at the end of
 * the 1 GB dump's first 400 MB (32 MB at the end of the 100 MB dump when a key was a view of its page
 * and each detection had candidates of its own); halved in session 12 with chrome's caches and the
 * short readings below (stages/chrome/facts.ts, `REMEMBERED_TEXTS`, says what it bought).
 */
const CACHE_SIZE = 25_000;
const cache = new Map<string, Detection>();
/** The candidates of the cache's detections, one object for equal ones (shared-candidates.ts). */
const cachedCandidates = new SharedCandidates();

export interface DetectLanguageOptions {
  hint?: string;
  /** Only these languages are weighed (see detect.ts). */
  among?: string[];
  /** Lingua's mode for short texts (see detect.ts); long texts read the same in both. */
  accuracy?: 'high' | 'low';
}

/** What the detectors read of a text: all of it, or up to a word boundary near MAX_DETECT_CHARS. */
function sampleOf(text: string): string {
  if (text.length <= MAX_DETECT_CHARS) return text;
  const cut = text.lastIndexOf(' ', MAX_DETECT_CHARS);
  return text.slice(0, cut > MAX_DETECT_CHARS / 2 ? cut : MAX_DETECT_CHARS);
}

/** Lingua's reading of a long text that eld has already found unsure (no second reading by eld). */
function linguaReading(text: string, options: DetectLanguageOptions): Detection {
  return detectRaw(sampleOf(text), options);
}

/** The language of one text. Long texts are read up to a word boundary near MAX_DETECT_CHARS. */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): Detection {
  const sample = sampleOf(text);
  if (options.hint === undefined) {
    const quick = quickDetect(sample);
    if (quick) return quick;
  }
  if (options.hint !== undefined || sample.length > CACHE_MAX_LENGTH) return detectRaw(sample, options);
  const key = `${options.accuracy ?? ''}\u0000${options.among?.join(',') ?? ''}\u0000${sample}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = cachedCandidates.share(detectRaw(sample, options));
  if (cache.size >= CACHE_SIZE) {
    cache.clear();
    cachedCandidates.clear();
  }
  // The key joins the text, often a piece of its page: remembered as it is, it kept the page alive.
  cache.set(ownCopy(key), result);
  return result;
}

interface BlockInput {
  text: string;
  kind: string;
}

/** The document's language: the language of most letters of its blocks, weighted by confidence. */
export function documentLanguage(blocks: (BlockInput & { lang: string; confidence: number })[]): Detection {
  return vote(blocks, blocks.map((b) => countLetters(b.text)));
}

/** `documentLanguage` with each block's letters counted beforehand (a document is voted on up to three times). */
function vote(blocks: readonly ((BlockInput & { lang: string; confidence: number }) | null)[], letters: readonly number[]): Detection {
  const weight = new Map<string, number>();
  let total = 0;
  blocks.forEach((b, i) => {
    if (b === null || b.lang === 'und') return;
    const w = (letters[i] as number) * (b.kind === 'heading' ? 0.5 : 1) * (0.5 + b.confidence / 2);
    weight.set(b.lang, (weight.get(b.lang) ?? 0) + w);
    total += w;
  });
  if (total === 0) return { lang: 'und', confidence: 0, method: 'no-evidence' };
  const [lang, w] = [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] as [string, number];
  return { lang, confidence: Math.round((w / total) * 1000) / 1000, method: 'block-vote' };
}

/** Letters of a text (a character outside the Basic Multilingual Plane counts once, as its high surrogate). */
function countLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
    } else if (c >= 0xd800 && c <= 0xdbff) n++;
    else if (c < 0xdc00 || c > 0xdfff) n += kindOf(c) & LETTER;
  }
  return n;
}

/** Letters a sample of short lines needs to settle a document (Lingua reads 120 or more by trigrams, reliably). */
const SAMPLE_MIN_CHARS = 150;

/** The language of a document without a long block, from a sample of its longest lines. */
function settleFromShortLines(blocks: BlockInput[], lingua: DetectLanguageOptions): Detection {
  const lines = blocks
    .map((b) => b.text)
    .filter((t) => t.length >= 20)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  let sample = '';
  for (const line of lines) {
    if (sample.length >= QUICK_MIN_CHARS) break;
    sample += `${line}\n`;
  }
  if (sample.length < SAMPLE_MIN_CHARS) return { lang: 'und', confidence: 0, method: 'no-evidence' };
  return detectLanguage(sample, lingua);
}

/** Lingua's three best languages for a text by its trigram models alone (cheap in memory). */
function trigramGuesses(text: string): string[] {
  return (detectLanguage(text, { accuracy: 'low' }).candidates ?? []).slice(0, 3).map((c) => c.lang);
}

/**
 * A short block of a document whose language is settled, read against that language: its function
 * words, then eld's reading; otherwise Lingua weighs the document's language against a few guesses
 * only: eld's, and on a short block (where eld guesses poorly) those of Lingua's cheap trigram
 * models too.
 */
function readShort(lang: string, text: string, lingua: DetectLanguageOptions): Detection {
  const confirmed = confirmedByStopwords(text, lang);
  if (confirmed) return confirmed;
  if (quickAgrees(text, lang)) return { lang, confidence: 0.5, method: 'eld-agrees' };
  const guesses = text.length >= AMONG_MIN_CHARS ? quickCandidates(text) : [...quickCandidates(text), ...trigramGuesses(text)];
  return detectLanguage(text, { ...lingua, among: [lang, ...guesses] });
}

/**
 * Short blocks' readings, remembered per document language and text: the pages of a site repeat
 * their menus, bylines and share bars (three short blocks in four on the bench dump are a repeat).
 * A reading depends on nothing else, so remembering it changes no answer. Kept a map per language
 * (no key string made and hashed per block), all emptied when they hold 50,000 entries together:
 * texts of under 250 characters each, copied (a view would keep its page), 7 to 9 MB as measured.
 */
class ShortReadings {
  private readonly byLanguage = new Map<string, Map<string, Detection>>();
  private size = 0;
  constructor(private readonly lingua: DetectLanguageOptions) {}

  read(lang: string, text: string): Detection {
    let texts = this.byLanguage.get(lang);
    const hit = texts?.get(text);
    if (hit) return hit;
    const value = readShort(lang, text, this.lingua);
    if (this.size >= SHORT_READINGS) {
      this.byLanguage.clear();
      this.size = 0;
      texts = undefined;
    }
    if (!texts) this.byLanguage.set(lang, (texts = new Map()));
    texts.set(ownCopy(text), value);
    this.size++;
    return value;
  }
}
/** Short readings kept, in all languages (10.1 MB at 50,000 at the end of the 1 GB dump's first 400 MB; halved in session 12 with the detections above). */
const SHORT_READINGS = 25_000;
const shortReadings = { best: new ShortReadings({}), fast: new ShortReadings({ accuracy: 'low' }) };

/** Long blocks read in full to settle the document's language; the others are checked against it. */
const SETTLING_BLOCKS = 3;
const AMONG_MIN_CHARS = 120;

/**
 * Whether a block is plainly in the document's language: most of its function words belong to that
 * language's stopword list, and clearly more than to any other list. (Close relatives that share
 * one list, such as the Norwegian standards, confirm each other: inside a document that is the
 * consistent answer, and Lingua is near chance between them on a paragraph.)
 */
function confirmedByStopwords(text: string, lang: string): Detection | null {
  if (lang === 'und' || atMostOneWord(text)) return null;
  const vote = stopwordVote(text, lang);
  if (vote.own < 2 || vote.own < vote.words * 0.15 || vote.own < vote.other + 2 || vote.own < vote.other * 1.5) return null;
  return { lang, confidence: Math.round((0.5 + (0.5 * (vote.own - vote.other)) / vote.own) * 1000) / 1000, method: 'stopwords' };
}

/**
 * Whether a text has at most one word as the function-word count reads words (letters and marks,
 * an apostrophe between letters joining them): such a text cannot have the two function words a
 * confirmation needs (a menu's "Home", "Business"), and is not counted. Lower case, which the count
 * reads, has the same letters and marks where the text has them (every Unicode code point checked).
 */
export function atMostOneWord(text: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (kindOf(cp) & (LETTER | MARK)) {
      if (!inWord && ++words > 1) return false;
      inWord = true;
    } else if (!(inWord && (cp === 0x27 || cp === 0x2019) && i + 1 < text.length && kindOf(text.codePointAt(i + 1)!) & (LETTER | MARK))) inWord = false;
  }
  return true;
}

/**
 * A long block read to settle its document's language: the language of the first block settled
 * before it where its function words bear that out; else eld's answer where it is sure; else
 * eld's guess where its function words bear it out; Lingua only when none does (a paragraph costs
 * Lingua about ten times eld's time), among eld's best guesses and the languages eld may miss.
 * Close relatives are left to Lingua and its marker words: they share function words.
 */
function settleBlock(text: string, before: string | null, lingua: DetectLanguageOptions): Detection {
  // A block in the language of the block settled before it says so in its function words, more
  // cheaply than eld reads it.
  const same = before ? confirmedByStopwords(text, before) : null;
  if (same) return same;
  const { detection, guess, best } = quickRead(text);
  if (detection) return detection;
  const confirmed = guess && guess !== before ? confirmedByStopwords(text, guess) : null;
  if (confirmed) return confirmed;
  const among = amongFor(best);
  return linguaReading(text, among ? { ...lingua, among } : lingua);
}

/**
 * Plain function: the language of a document and of each of its blocks. The document's language
 * is settled once from its longest blocks; every other block is only confirmed against it (its
 * script, its function words, eld's reading), and read in full by Lingua when that fails.
 */
export function identifyLanguages(blocks: BlockInput[], options: LanguageOptions = {}): { document: DetectResult; blocks: Detected[] } {
  const prior = options.documentPrior ?? 0.5;
  const lingua: DetectLanguageOptions = options.accuracy === 'fast' ? { accuracy: 'low' } : {};
  const first: (Detection | null)[] = blocks.map(() => null);
  const long = blocks
    .map((b, i) => ({ i, length: b.text.length }))
    .filter((b) => b.length >= QUICK_MIN_CHARS)
    .sort((a, b) => b.length - a.length || a.i - b.i);
  let before: string | null = null;
  for (const { i } of long.slice(0, SETTLING_BLOCKS)) {
    const found = settleBlock((blocks[i] as BlockInput).text, before, lingua);
    first[i] = found;
    if (found.lang !== 'und' && !CLOSE.has(found.lang)) before ??= found.lang;
  }
  const letters = blocks.map((b) => countLetters(b.text));
  const settledBy = (detections: (Detection | null)[]) => vote(detections.map((d, i) => (d ? { ...d, kind: (blocks[i] as BlockInput).kind, text: '' } : null)), letters);
  // A page of short lines only: its longest lines together settle it.
  const settled = long.length > 0 ? settledBy(first) : settleFromShortLines(blocks, lingua);
  const among = (text: string) => (settled.lang === 'und' ? lingua : { ...lingua, among: [settled.lang, ...quickCandidates(text)] });
  for (const { i } of long.slice(SETTLING_BLOCKS)) {
    const text = (blocks[i] as BlockInput).text;
    first[i] = confirmedByStopwords(text, settled.lang) ?? quickDetect(text) ?? linguaReading(text, among(text));
  }
  const provisional = long.length > SETTLING_BLOCKS ? settledBy(first) : settled;
  const known = provisional.lang !== 'und' && provisional.confidence >= 0.8;
  const shortReading = shortReadings[options.accuracy === 'fast' ? 'fast' : 'best'];
  const detected = blocks.map((b, i) => {
    const found = first[i] ?? (known ? shortReading.read(provisional.lang, b.text) : detectLanguage(b.text, lingua));
    return detectedBlock(b, found);
  });
  const document = vote(detected, letters);
  // A block that could as well be in the document's language is: "Deep trust" in an English
  // article is English even if Dutch scored a little higher on two words.
  for (const b of detected) {
    if (document.lang === 'und' || b.lang === document.lang || !b.candidates) continue;
    const best = b.candidates[0]?.score ?? 0;
    const doc = b.candidates.find((c) => c.lang === document.lang);
    if (doc && doc.score >= best * prior) {
      b.lang = document.lang;
      b.confidence = doc.score;
      b.method += '+document';
    }
  }
  return { document: outsideLingua(detected, document), blocks: detected };
}

type Detected = BlockInput & Detection;

/** A block with its detection, as an object of one shape (the language of a page's hundreds of lines). */
function detectedBlock(b: BlockInput, d: Detection): Detected {
  return { text: b.text, kind: b.kind, lang: d.lang, confidence: d.confidence, method: d.method, candidates: d.candidates };
}

/** Whether a block's language is borne out by something other than Lingua: its function words, or eld. */
function explained(block: Detected, lang: string): boolean {
  if (block.method === 'stopwords' || block.method === 'eld-agrees' || block.method === 'eld') return block.lang === lang;
  // eld reads the block's start, as it does when it settles a document (quick.ts).
  const start = block.text.length > MAX_DETECT_CHARS ? block.text.slice(0, MAX_DETECT_CHARS) : block.text;
  return confirmedByStopwords(block.text, lang) !== null || quickAgrees(start, lang);
}

/**
 * Languages Lingua does not know, named by franc (franc.ts), where Lingua's answer is not borne out:
 * the document's longest block, once a document (when franc names it, so are the document and the
 * blocks that only took its language from Lingua); a long block in another language than the
 * document's; and a block Lingua could not read at all (`und`, a script it does not know).
 * Changes `blocks` in place; returns the document's language.
 */
function outsideLingua(blocks: Detected[], document: Detection): Detection {
  let result = document;
  if (document.lang !== 'und') {
    const longest = blocks
      .filter((b) => b.lang === document.lang && b.text.length >= FRANC_MIN_CHARS)
      .reduce<Detected | null>((a, b) => (a && a.text.length >= b.text.length ? a : b), null);
    const named = longest && !explained(longest, document.lang) ? beyondLingua(longest.text, [document.lang]) : null;
    if (named) {
      result = { ...document, lang: named.lang, method: `${document.method}+franc` };
      for (const b of blocks) if (b.lang === document.lang && b.method !== 'stopwords') Object.assign(b, { lang: named.lang, method: `${b.method}+franc` });
    }
  }
  let unread = false;
  for (const b of blocks) {
    if ((b.lang === result.lang && b.lang !== 'und') || b.method.endsWith('franc')) continue;
    const foreign = b.lang !== 'und' && b.text.length >= FRANC_MIN_CHARS && !explained(b, b.lang);
    // A foreign block is not a close variety of the document's language either (Dari in Persian).
    const others = result.lang === 'und' ? [b.lang] : [b.lang, result.lang];
    const named = foreign || (b.lang === 'und' && b.method === 'no-evidence') ? beyondLingua(b.text, others) : null;
    if (named) Object.assign(b, named);
    unread ||= named !== null && result.lang === 'und';
  }
  return unread ? documentLanguage(blocks) : result;
}

/** What `languageOf` gives: the document's language and each block's, as the record shows them. */
export interface TextLanguages {
  lang: string;
  confidence: number;
  blocks: { kind: Block['type']; text: string; lang: string; confidence: number }[];
}

/**
 * Plain function on one string: split into blocks as the blocks stage splits it (the language
 * stage reads blocks, and a dump's lines are not), then the language of the whole and of each block.
 */
export async function languageOf(text: string, options: LanguageOptions & BlocksOptions = {}): Promise<TextLanguages> {
  const tree = parseDocument(text);
  splitTree(tree, options);
  const { document, blocks } = identifyLanguages(tree.children.map((b) => ({ text: b.value, kind: b.type })), options);
  return {
    lang: document.lang,
    confidence: document.confidence,
    blocks: tree.children.map((b, i) => ({ kind: b.type, text: b.value, lang: (blocks[i] as Detection).lang, confidence: (blocks[i] as Detection).confidence })),
  };
}

const language: Plugin<[LanguageOptions?], Root> = function language(options = {}) {
  return (tree, file) => {
    const { document, blocks } = identifyLanguages(
      tree.children.map((b) => ({ text: b.value, kind: b.type })),
      options,
    );
    tree.children.forEach((child, i) => {
      const d = blocks[i] as Detection;
      child.data = { ...child.data, lang: d.lang, langConfidence: d.confidence };
    });
    const hint = file.data.langHint;
    const useHint = document.lang === 'und' && typeof hint === 'string' && /^[a-z]{3}$/.test(hint);
    file.data.lang = useHint ? (hint as string) : document.lang;
    file.data.langConfidence = document.confidence;
  };
};

export default language;
export { language };

export const languageStage: StageDefinition = {
  name: 'language',
  plugin: language,
  summarize: (tree, file) => ({
    lang: file.data.lang,
    confidence: file.data.langConfidence,
    // Offsets index the stage's input (the language stage changes no text); the excerpt names the block.
    blocks: blockLanguages(tree),
  }),
};

/** Each block's language, with its offsets in the stage's text (it changes none) and an excerpt that names it. */
function blockLanguages(tree: Root) {
  const spans = new Map(assembleText(tree).spans.map((s) => [s.block, s]));
  return tree.children.map((b) => ({
    lang: b.data?.lang ?? 'und',
    confidence: b.data?.langConfidence ?? 0,
    start: spans.get(b)?.start ?? null,
    end: spans.get(b)?.end ?? null,
    excerpt: excerpt(b.value),
  }));
}
