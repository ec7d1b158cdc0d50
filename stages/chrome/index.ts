// Stage `chrome`: removes the page around the article (menus, share bars, teasers, footers, image
// file names, wire tails, glued metadata, the headline repeated in the body), keeps every sentence
// of the article and its in-body headings, and fills `title`, `dateline`, `publisher` and
// `metadata`. Every removal goes through the decision helpers with its own rule id.
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { assembleText, createDocumentFile, parseDocument, type Block, type HeaderSource, type Root } from '../../pipeline/core/document.ts';
import { removalsOf, removeBlocksWhere, removeSpans, type Removal, type Rule } from '../../pipeline/core/decisions.ts';
import { stopwordLanguage } from '../../pipeline/core/stopwords.ts';
import { splitTree, type BlocksOptions } from '../blocks/index.ts';
import type { StageDefinition } from '../../pipeline/core/stage.ts';
import { classifyBlocks, type BlockClass, type ClassifiedBlock, type ClassifyOptions } from './classify.ts';
import { blockFacts, featuresOf, headlineKeyOf, templateKeyOf, type BlockFacts } from './facts.ts';
import type { BlockFeatures } from './features.ts';
import { readLead, type Dateline } from './lead.ts';
import { gluedMetadata, imageTokens, wireTail, type Span } from './patterns.ts';
import { introducesTeaser, normalisePhrase } from './phrases.ts';
import { chromeLearning } from './learning.ts';
import { siteOf, templateCountOfKey, type LearnedTemplates } from './template.ts';
import { outsideMainRegion, type RegionOptions } from './region.ts';
import { chooseTitle, headlineLike, type TitleCandidate } from './title.ts';

export type { Dateline };

declare module 'vfile' {
  interface DataMap {
    /** The headline, moved out of the body. */
    title: string | null;
    /** A wire dateline found at the start of the body ("Beijing, Jan 27 (PTI)"). */
    dateline: Dateline | null;
    /** A publisher prefix ("NextFin News - "). */
    publisher: string | null;
    /** Metadata fields found glued to the text (" date 2026-01-27 " gives {date: '2026-01-27'}). */
    metadata: Record<string, string>;
    /** Where `title` came from: `metadata` (the page's), `jsonl` (the dump's), `text` (chosen from the body); null without a title. */
    titleSource?: Exclude<HeaderSource, 'dateline'> | null;
    /** The author as the page's metadata names it. */
    byline?: string | null;
  }
}

export interface ChromeOptions extends ClassifyOptions, RegionOptions {
  /** Site templates to use for every document (the runner gives each document its own, as `file.data.learned.chrome`). */
  learned?: LearnedTemplates;
  /** Remove short lines repeated three times or more on the page (default true). */
  repeatedLines?: boolean;
  /** How much a short or near-good block that ended up chrome separates two runs (a chrome block: 1). */
  shortGap?: number;
  /** Headline-and-snippet teasers a page must hold before they are taken out of the article's region (default 3). */
  minTeaserItems?: number;
}

const SOURCE = 'chrome';
/** Rules whose blocks open another part of the page than the article. */
const SEPARATING_RULES = new Set(['comments', 'related', 'share', 'subscribe', 'copyright', 'nav-teaser', 'teaser-list']);
const FEED_ITEM = /^\d{1,2}:\d{2}(?!\d)\s+\S/u;
const SIGNED = /(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}|\d{1,2}:\d{2},?\s+\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?::\d{2})?\s*$/u;
// Regular expressions as module constants, never literals inside a function: tsx (esbuild, for
// Node 20) rewrites a literal with \p{…} into `new RegExp(…)` where it stands, built at every call.
const HAS_DIGIT = /\p{N}/u;
const rule = (ruleId: string, reason?: string): Rule => ({ source: SOURCE, ruleId, reason: reason ?? ruleId });

/** Removes pieces of chrome inside blocks: image tokens, glued metadata, wire tails. */
function removeInlineChrome(tree: Root, file: VFile): void {
  const last = tree.children.at(-1);
  for (const child of [...tree.children]) {
    const pieces: (Span & { rule: Rule })[] = [];
    for (const s of imageTokens(child.value)) pieces.push({ ...s, rule: rule('image-token', 'image file name') });
    for (const m of gluedMetadata(child.value)) {
      file.data.metadata = { ...file.data.metadata, [m.key]: file.data.metadata?.[m.key] ?? m.value };
      pieces.push({ start: m.start, end: m.end, rule: rule('glued-metadata', `metadata field ${m.key}`) });
    }
    if (child === last) {
      const tail = wireTail(child.value);
      if (tail) pieces.push({ ...tail, rule: rule('wire-tail', 'wire-service tail (agency and editor initials)') });
    }
    // All pieces of a block leave in one pass (overlapping ones are dropped): linear in its length.
    removeSpans(tree, file, child, pieces);
  }
}

interface BlockVerdict extends ClassifiedBlock {
  block: Block;
  facts: BlockFacts;
  rule: Rule | null;
}

/** The script most of the body's letters are in, from the blocks that look like prose. */
function bodyScript(features: BlockFeatures[]): string {
  const weight = new Map<string, number>();
  for (const f of features) {
    if (f.script === 'none') continue;
    // Long blocks speak for the body; menus are many but short.
    const w = f.letters * (f.words >= 15 ? 4 : 1);
    weight.set(f.script, (weight.get(f.script) ?? 0) + w);
  }
  let best = 'none';
  let bestWeight = 0;
  for (const [s, w] of [...weight].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (w > bestWeight) {
      best = s;
      bestWeight = w;
    }
  }
  return best;
}

/** Marks a block as chrome by a rule of its own. */
function force(verdict: BlockVerdict, r: Rule): void {
  verdict.forced = 'bad';
  verdict.rule = r;
}

/** Rules that decide a block on its own: phrase tables, URLs, site templates, another script. */
function forcedRules(tree: Root, file: VFile, options: ChromeOptions): BlockVerdict[] {
  const lang = file.data.lang ?? 'und';
  const facts = tree.children.map((b) => blockFacts(b.value));
  const features = tree.children.map((b, i) => featuresOf(facts[i] as BlockFacts, b.value, lang, b.data?.lang));
  const script = bodyScript(features);
  const site = siteOf(file.data.source?.url);
  const learned = (file.data.learned?.[SOURCE] as LearnedTemplates | undefined) ?? options.learned;
  // A block's template key is made only on a site with a template.
  const siteHasTemplate = learned !== undefined && site !== null && learned.sites[site] !== undefined;
  // A block's phrase form: from its facts, or made here for a block too long for the phrase tables.
  const formOf = (i: number): string => {
    const block = tree.children[i] as Block;
    return (facts[i] as BlockFacts).form ?? normalisePhrase(block.value);
  };
  const repeats = new Map<string, number>();
  tree.children.forEach((b, i) => {
    if (b.value.length > 200) return;
    const key = formOf(i);
    repeats.set(key, (repeats.get(key) ?? 0) + 1);
  });
  const verdicts: BlockVerdict[] = [];
  tree.children.forEach((block, i) => {
    const f = features[i] as BlockFeatures;
    const known = facts[i] as BlockFacts;
    const verdict: BlockVerdict = { block, features: f, facts: known, forced: null, heading: block.type === 'heading', rule: null };
    verdicts.push(verdict);
    const previous = verdicts[i - 1];
    if (known.siteName) return force(verdict, rule('site-name', 'site name or URL on its own'));
    const phrase = known.phrase;
    if (phrase) return force(verdict, rule(phrase.category, `${phrase.category} phrase "${phrase.phrase}"`));
    if (previous && previous.block.value.length < 60 && introducesTeaser(previous.block.value, formOf(i - 1)) && f.words <= 30) return force(verdict, rule('nav-teaser', 'headline of the previous or next article'));
    // Headlines carry no full stop: a block whose timed items are sentences (a wire service's
    // agenda, "10:30 h. - Mérida. - The minister opens …") is content, not a list of teasers.
    if (f.timestamps >= 3 && !(f.endsLikeSentence && f.sentenceMarks >= 2 * f.timestamps)) return force(verdict, rule('teaser-list', 'list of dated headlines'));
    // A block signed with a date and a time ("…, Nottingham, 12/1/2012 02:58") is a reader's comment.
    // (Its time holds a colon: a block without one near its end is not looked at.)
    const end = block.value.slice(-40);
    if (end.includes(':') && SIGNED.test(end)) return force(verdict, rule('comments', 'reader comment signed with a date and time'));
    // A short line opening with a clock time ("10:17   New city…") is an item of a news feed.
    if (f.words < 20 && FEED_ITEM.test(block.value)) return force(verdict, rule('teaser-list', 'dated headline of a news feed'));
    if (options.repeatedLines !== false && f.words < 8 && (repeats.get(formOf(i)) ?? 0) >= 3) return force(verdict, rule('repeated-line', 'short line repeated on the page (list furniture)'));
    const template = templateCountOfKey(learned, site, siteHasTemplate ? templateKeyOf(known, block.value) : null);
    if (template.count >= 2 && (f.words < 30 || template.count >= Math.max(3, template.documents / 2))) {
      return force(verdict, rule('template', `line repeated in ${template.count} documents of the site`));
    }
    // Another script than the body's, and not a long passage of prose (a quotation keeps its block).
    if (script !== 'none' && f.script !== 'none' && f.script !== script && f.words < 40) {
      return force(verdict, rule('foreign-block', `block in ${f.script} script in a ${script} body`));
    }
  });
  return verdicts;
}

/**
 * How much prose a block holds, for choosing the article's region: its length, discounted when
 * punctuation is scarce (a run of teaser headlines joined by spaces has words but few commas or
 * full stops; prose has one every ten or fifteen words).
 */
function proseWeight(f: BlockFeatures): number {
  const punctuation = f.words === 0 ? 0 : (f.sentenceMarks + f.commas) / f.words;
  return f.words * Math.min(1, punctuation * 12);
}

/**
 * Teasers left inside the article's region: blocks of ten words or more that each follow a shorter headline of their
 * own and stop without ending a sentence (a snippet cut to fit a box), when the page holds several
 * of them (`minItems`); each goes with its headline. One such paragraph alone may be the story's
 * lead under its headline, so a single one stays.
 */
function teaserItems(verdicts: BlockVerdict[], classes: BlockClass[], outside: Set<number>, introduced: boolean[], minItems: number): Set<number> {
  const items: number[] = [];
  verdicts.forEach((v, i) => {
    if (classes[i] !== 'good' || outside.has(i) || !introduced[i]) return;
    if (!v.features.endsLikeSentence && v.features.words >= 10) items.push(i);
  });
  const out = new Set<number>();
  if (items.length < minItems) return out;
  for (const i of items) {
    out.add(i);
    // The headline above it, unless the snippet carries its headline glued to it (a wide seam).
    if ((verdicts[i] as BlockVerdict).features.seams === 0 && i > 0) out.add(i - 1);
  }
  return out;
}

/** The rule for a block the classifier found to be chrome. */
function classifierRule(verdict: BlockVerdict, lang: string): Rule {
  const f = verdict.features;
  const blockLang = verdict.block.data?.lang;
  if (f.urlDensity > 0.3) return rule('link-list', 'mostly URLs');
  if (blockLang && blockLang !== 'und' && lang !== 'und' && blockLang !== lang && f.words >= 5 && f.stopwordDensity === 0) {
    return rule('foreign-block', `block in ${blockLang} in a ${lang} body`);
  }
  if (f.words >= 10) return rule('boilerplate', 'text without the marks of prose (few function words or no sentences)');
  return rule('short-chrome', 'short block among page chrome');
}

/**
 * Whether the document shows signs of a page around its text. The classifier and the region choice
 * judge a block by the blocks around it, which is right on a scraped page and wrong on a clean text
 * (a one-line document, a wire story with a results table): there only the rules that recognise
 * chrome by itself (phrases, URLs, templates, image tokens, another script) may remove anything.
 */
function pageEvidence(verdicts: BlockVerdict[], classes: BlockClass[]): boolean {
  if (verdicts.length <= 2) return false;
  // A rule that knows chrome by itself fired, or the page opens or closes with a menu item: a few
  // words without digits that do not make a sentence. (Inside a wire story, such lines head the
  // sections of a results table; menus stand around the article.)
  const last = verdicts.length - 1;
  return verdicts.some(
    (v, i) =>
      v.forced !== null ||
      ((i === 0 || i === last) &&
        classes[i] === 'bad' &&
        v.features.words <= 4 &&
        !HAS_DIGIT.test(v.block.value) &&
        !v.features.endsLikeSentence),
  );
}

/** A block that is only a wire dateline ("NAIROBI, Kenya (AP) _") opens the story; it is no headline. */
function isDatelineOnly(text: string): boolean {
  const dateline = readLead(text).dateline;
  return dateline !== null && dateline.text.length >= text.replace(/[\s_\-–—]+$/u, '').length * 0.8;
}

const NOT_LETTERS = /\P{L}+/gu;
const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;

/** A paragraph's letters, lower case: what two copies of it share. */
function lettersKey(text: string): string {
  return text.toLowerCase().replace(NOT_LETTERS, '');
}

/** Letters and digits of a line, lower case, for finding a headline the metadata gives among the blocks. */
function headlineKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOT_LETTERS_OR_DIGITS, ' ').trim();
}

/**
 * The blocks that show a headline the page or the dump gave: the same letters and digits (or the
 * page's <h1>), anywhere before the story's end, in a block at most twice as long.
 */
function blocksShowing(verdicts: BlockVerdict[], headlines: string[]): number[] {
  const keys = new Set(headlines.map(headlineKey).filter((k) => k !== ''));
  // An ASCII line's key keeps its letters and digits as they are: one with another count of them
  // cannot show a headline, and its key need not be made.
  const counts = new Set([...keys].map((k) => k.replaceAll(' ', '').length));
  const out: number[] = [];
  verdicts.forEach((v, i) => {
    if (v.features.words > 40) return;
    const alphanumerics = asciiAlphanumerics(v.block.value);
    if (alphanumerics !== null && !counts.has(alphanumerics)) return;
    if (keys.has(headlineKeyOf(v.facts, v.block.value, headlineKey))) out.push(i);
  });
  return out;
}

/** How many ASCII letters and digits a text has, or null when it has any other character than ASCII. */
function asciiAlphanumerics(text: string): number | null {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return null;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) n++;
  }
  return n;
}

/**
 * Fills `title` and `titleSource` and marks the headline's blocks for removal: the dump's title or
 * the page's metadata when there is one (its copies in the body leave), else the headline chosen
 * before the story's first kept paragraph (`chooseTitle`).
 */
function markTitle(verdicts: BlockVerdict[], decisions: Map<Block, Rule | null>, file: VFile, lang: string): void {
  const given = file.data.jsonlTitle ?? file.data.page?.title ?? null;
  let shown: number[];
  if (given !== null) {
    file.data.title = given;
    file.data.titleSource = file.data.jsonlTitle ? 'jsonl' : 'metadata';
    shown = blocksShowing(verdicts, [given, file.data.page?.h1 ?? '']);
  } else {
    const candidates: TitleCandidate[] = verdicts.map((v) => ({ value: v.block.value, features: v.features, heading: v.heading, forcedRule: v.rule?.ruleId ?? null }));
    const kept = verdicts.map((v) => decisions.get(v.block) === null);
    const bodyStart = candidates.findIndex((c, i) => kept[i] && !headlineLike(c));
    const body = verdicts.filter((_, i) => kept[i] && i >= bodyStart).map((v) => v.block.value);
    const chosen = chooseTitle(candidates, bodyStart, body, lang, file.data.source?.url ?? null);
    const title = chosen !== null && isDatelineOnly((verdicts[chosen] as BlockVerdict).block.value) ? null : chosen;
    file.data.title = title === null ? null : (verdicts[title] as BlockVerdict).block.value;
    file.data.titleSource = title === null ? null : 'text';
    if (title === null) return;
    shown = [title, ...blocksShowing(verdicts, [file.data.title as string]).filter((i) => i !== title)];
  }
  shown.forEach((i, n) => {
    const block = (verdicts[i] as BlockVerdict).block;
    decisions.set(block, n === 0 ? rule('title', 'the headline, moved to `title`') : rule('repeated-headline', 'the headline repeated in the body'));
  });
}

/**
 * The publisher: a prefix of the story's first paragraph ("NextFin News - ", which leaves the body),
 * else the page's og:site_name, else the site's own domain standing alone on the page
 * ("www.bankingnews.gr", removed as a site name).
 */
function findPublisher(tree: Root, file: VFile, verdicts: BlockVerdict[]): void {
  const first = tree.children.find((b) => b.type === 'paragraph');
  if (first) {
    const lead = readLead(first.value);
    file.data.dateline = lead.dateline;
    file.data.publisher = lead.publisher;
    if (lead.publisher !== null && lead.publisherEnd > 0 && lead.publisherEnd < first.value.length) {
      removeSpans(tree, file, first, [{ start: 0, end: lead.publisherEnd, rule: rule('publisher', 'publisher prefix, moved to `publisher`') }]);
    }
  }
  if (file.data.publisher) return;
  if (file.data.page?.siteName) {
    file.data.publisher = file.data.page.siteName;
    return;
  }
  const site = siteOf(file.data.source?.url);
  for (const v of verdicts) {
    if (v.rule?.ruleId !== 'site-name') continue;
    const domain = v.block.value.trim().replace(/^https?:\/\//i, '').replace(/\/$/, '');
    if (!/^[\w-]+(?:\.[\w-]+)+$/u.test(domain) || !/[a-z]/iu.test(domain)) continue;
    if (site === null ? /^www\./i.test(domain) : siteOf(`http://${domain}`) === site) {
      file.data.publisher = domain;
      return;
    }
  }
}

/** Plain function: strips the chrome of a document tree, recording every removal on `file`. */
export function stripChrome(tree: Root, file: VFile, options: ChromeOptions = {}): void {
  // This stage's fields (see the declaration above), set on every document it sees.
  file.data.metadata ??= {};
  file.data.dateline = null;
  file.data.publisher = null;
  removeInlineChrome(tree, file);
  const verdicts = forcedRules(tree, file, options);
  const { initial: initialClasses, classes } = classifyBlocks(verdicts, options);
  const separators = new Set<number>();
  verdicts.forEach((v, i) => {
    if (v.rule && SEPARATING_RULES.has(v.rule.ruleId)) separators.add(i);
  });
  const comments = new Set([...separators].filter((i) => verdicts[i]?.rule?.ruleId === 'comments'));
  const gapWeights = verdicts.map((v, i) => (v.forced !== null || initialClasses[i] === 'bad' ? 1 : (options.shortGap ?? 0.75)));
  // A paragraph right after a short headline of its own, or glued to one by a wide seam
  // ("Headline  Snippet…"), is how teaser lists present other pages.
  const introduced = verdicts.map((v, i) => {
    if (v.features.seams > 0) return true;
    const before = verdicts[i - 1];
    return before !== undefined && !before.features.endsLikeSentence && before.features.words >= 2 && before.features.words < 20 && v.features.words > before.features.words;
  });
  const outside = outsideMainRegion(classes, verdicts.map((v) => proseWeight(v.features)), separators, comments, options, gapWeights, introduced);
  const lang = file.data.lang ?? 'und';
  const teasers = teaserItems(verdicts, classes, outside, introduced, options.minTeaserItems ?? 3);
  // Several headline-and-snippet teasers are a page's own furniture: evidence of a page too.
  const judgeByPage = teasers.size > 0 || pageEvidence(verdicts, classes as BlockClass[]);

  const decisions = new Map<Block, Rule | null>();
  // Kept paragraphs by their count of letters: only paragraphs with as many can be copies, so
  // the letters-only key (a copy of the whole paragraph) is made only when there are two.
  const keptParagraphs = new Map<number, { value: string; key?: string }[]>();
  verdicts.forEach((v, i) => {
    let decided: Rule | null = null;
    if (v.rule) decided = v.rule;
    else if (!judgeByPage) decided = null;
    else if ((classes[i] as BlockClass) === 'bad') decided = classifierRule(v, lang);
    else if (outside.has(i)) decided = rule('outside-article', 'text far from the article, among page chrome (teasers, comments, other stories)');
    else if (teasers.has(i)) decided = rule('teaser-list', 'a teaser: a headline and a snippet that ends without a full stop, one of several on the page');
    // The same paragraph twice in the body (a widget shown twice, a teaser of this very story): the first kept copy stays.
    if (decided === null && v.features.words >= 10) {
      // Compared on letters only: a copy may differ by a counter or punctuation glued to it.
      // (Lower case keeps the number of letters: `features.letters` counts the key's.)
      const same = keptParagraphs.get(v.features.letters);
      if (same === undefined) keptParagraphs.set(v.features.letters, [{ value: v.block.value }]);
      else {
        const key = lettersKey(v.block.value);
        if (same.some((kept) => (kept.key ??= lettersKey(kept.value)) === key)) decided = rule('duplicate-block', 'paragraph repeated on the page');
        else same.push({ value: v.block.value, key });
      }
    }
    decisions.set(v.block, decided);
  });
  // The article is never empty while the text has prose: when the page rules left nothing, the
  // blocks that read as prose on their own are the article (judged by context alone, a short brief
  // between a menu and a footer would go with them).
  if (![...decisions.values()].some((d) => d === null)) {
    verdicts.forEach((v, i) => {
      const prose = initialClasses[i] === 'good' || initialClasses[i] === 'neargood';
      if (prose && v.rule === null) decisions.set(v.block, null);
    });
  }
  // The headline is looked for on every document (a clean text may open with one too), once the
  // story is known: it leaves the body under `title`, its copies under `repeated-headline`.
  markTitle(verdicts, decisions, file, lang);
  removeBlocksWhere(tree, file, (b) => decisions.get(b) ?? null);
  findPublisher(tree, file, verdicts);
  if (file.data.page?.byline) file.data.byline = file.data.page.byline;
}

export interface ChromeTextOptions extends ChromeOptions, BlocksOptions {
  /**
   * The text's language (ISO 639-3). Without it, a cheap guess from function words
   * (`stopwordLanguage`, no model loaded), else `und`; the pipeline gives the language stage's answer.
   */
  lang?: string;
  /** The page's address: the site whose learned templates apply. */
  url?: string | null;
}

/**
 * On a text as a dump gives it: the work the stages before chrome do in the pipeline, done cheaply
 * here (the body split into blocks as the blocks stage splits it, the language from the option or a
 * guess from function words), then the chrome stripped. Returns the tree and the file, as the plugin leaves them.
 */
export function stripChromeFromText(text: string, options: ChromeTextOptions = {}): { tree: Root; file: VFile } {
  const lang = options.lang ?? stopwordLanguage(text);
  const file = createDocumentFile(text, { source: { path: 'document', url: options.url ?? null } });
  file.data.lang = lang;
  const tree = parseDocument(text);
  splitTree(tree, options);
  stripChrome(tree, file, options);
  return { tree, file };
}

/** What `removeChrome` gives: the record's fields that chrome fills, and what it removed. */
export interface ChromeResult {
  /** The headline, or null. It is also in `removed` (reason `title`). */
  title: string | null;
  /** The body without chrome: blocks separated by a blank line. */
  text: string;
  blocks: { kind: Block['type']; text: string }[];
  /** The language the rules read the text in (the option, the guess, or `und`). */
  lang: string;
  dateline: Dateline | null;
  publisher: string | null;
  metadata: Record<string, string>;
  /** Every piece that left, one entry per block or span, with its reason. */
  removed: Removal[];
}

/** Plain function on one string: the page around an article removed, and its headline found. */
export async function removeChrome(text: string, options: ChromeTextOptions = {}): Promise<ChromeResult> {
  const { tree, file } = stripChromeFromText(text, options);
  return {
    title: file.data.title ?? null,
    text: assembleText(tree).text,
    blocks: tree.children.map((b) => ({ kind: b.type, text: b.value })),
    lang: file.data.lang ?? 'und',
    dateline: file.data.dateline ?? null,
    publisher: file.data.publisher ?? null,
    metadata: file.data.metadata ?? {},
    removed: removalsOf(file),
  };
}

const chrome: Plugin<[ChromeOptions?], Root> = function chrome(options = {}) {
  return (tree, file) => stripChrome(tree, file, options);
};

export default chrome;
export { chrome };

export const chromeStage: StageDefinition = {
  ...chromeLearning,
  plugin: chrome,
  summarize: (tree, file) => ({
    title: file.data.title ?? null,
    titleSource: file.data.titleSource ?? null,
    dateline: file.data.dateline ?? null,
    publisher: file.data.publisher ?? null,
    byline: file.data.byline ?? null,
    metadata: file.data.metadata ?? {},
    blocks: tree.children.length,
  }),
};
