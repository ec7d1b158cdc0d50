// Stage `dates`: every temporal expression of the body with its TIMEX3 value, anchored on the
// document's own date (or on --reference-date where that is unknown), and the document's date
// itself as `published`. The last stage: offsets index the record's final `text`.
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { assembleText, createDocumentFile, trimSpace, type HeaderSource, type Root } from '../../pipeline/core/document.ts';
import type { StageDefinition } from '../../pipeline/core/stage.ts';
import { note } from '../../pipeline/core/decisions.ts';
import { addDays, type Day, formatDay, isoWeekday, parseIsoDay } from './calendar.ts';
import { type Language, languages, neutralLanguage } from './lexicon.ts';
import { type Context, resolve } from './meaning.ts';
import { documentDate } from './published.ts';
import { type Problem, findCandidates } from './recognize.ts';
import { selectCandidates } from './select.ts';

/** A temporal expression of the body: the record's `dates` entry (offsets index the text read). */
export interface DateMention {
  text: string;
  value: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  start: number;
  end: number;
}

declare module 'vfile' {
  interface DataMap {
    /** The document's own date (ISO 8601 day), set by this stage. */
    published: string | null;
    /** Where `published` came from: `jsonl`, `metadata` (the page's, or glued to the text), `dateline`, `text`; null when unknown. */
    publishedSource?: HeaderSource | null;
    /** The body's temporal expressions, set by this stage. */
    dates: DateMention[];
  }
}

export interface DatesOptions {
  /** Dates more than this many days after the document's date are reported (`date-after-document`). */
  futureToleranceDays?: number;
}

export interface TaggedDates {
  published: string | null;
  dates: DateMention[];
  problems: Problem[];
}

const SOURCE = 'dates';
/** Where a sentence's tense is looked for, before and after the expression. */
const TENSE_WINDOW_BEFORE = 90;
const TENSE_WINDOW_AFTER = 40;
/** A run of digits this long is a number, never a date: reported once and skipped. */
const LONG_DIGITS = /\d{9,}/g;

/**
 * The languages whose rules read a block: its own or the document's, preferring one with a full
 * table (short blocks are often mistaken for a neighbour language), then one with CLDR names only,
 * then the language-neutral rules; all of them when neither language is known.
 */
function languagesFor(code: string | undefined, fallback: string | undefined): Language[] {
  const all = languages();
  const known = [code, fallback].filter((c): c is string => c !== undefined && c !== 'und' && c !== '');
  if (known.length === 0) return [...all.values()];
  const tables = known.map((c) => all.get(c)).filter((l): l is Language => l !== undefined);
  const full = tables.find((l) => l.complete);
  if (full) return [full];
  return [tables[0] ?? neutralLanguage()];
}

/**
 * Does a weekday at `start` follow a forward preposition ("für Mittwoch", "pour mercredi", "на
 * среду")? Only weekdays: "figures for January" or "through August" point nowhere.
 */
function pointsAhead(text: string, start: number, lang: Language): boolean {
  return lang.futureLead?.test(text.slice(Math.max(0, start - 24), start)) ?? false;
}

/** Does the sentence around [start, end) speak of the future ("will", "wird", "θα", "将")? */
function speaksOfFuture(text: string, start: number, end: number, lang: Language): boolean {
  if (!lang.futureMarkers) return false;
  // The sentence: back to the last full stop or block boundary, forward to the next one, within
  // a fixed window (searching further would make long texts quadratic).
  let before = text.slice(Math.max(0, start - TENSE_WINDOW_BEFORE), start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('。'), before.lastIndexOf('\u0000'));
  if (cut !== -1) before = before.slice(cut + 1);
  let after = text.slice(end, end + TENSE_WINDOW_AFTER);
  for (const stop of ['. ', '。', '\u0000']) {
    const next = after.indexOf(stop);
    if (next !== -1) after = after.slice(0, next);
  }
  return lang.futureMarkers.test(before) || lang.futureMarkers.test(after);
}

/**
 * Plain function: the dates of a body given as blocks, anchored on `anchor` (or unanchored).
 * `blockLangs` gives each block's language (ISO 639-3) where known.
 */
export function tagDates(
  blocks: { text: string; start: number; lang?: string }[],
  anchor: Day | null,
  docLang?: string,
): { dates: DateMention[]; problems: Problem[] } {
  const dates: DateMention[] = [];
  const problems: Problem[] = [];
  const ctx: Context = { anchor, future: false, focusQuarter: null, lastYear: null };
  for (const run of runsOf(blocks, docLang)) {
    const found = findCandidates(run.text, run.langs);
    for (const p of found.problems) {
      const at = run.toBody(p.start, p.end);
      if (at) problems.push({ ...p, start: at[0], end: at[1] });
    }
    for (const m of run.text.matchAll(LONG_DIGITS)) {
      const at = run.toBody(m.index ?? 0, (m.index ?? 0) + m[0].length);
      if (at) problems.push({ start: at[0], end: at[1], ruleId: 'not-a-date', reason: `a run of ${m[0].length} digits is not read as a date`, text: m[0].slice(0, 40) });
    }
    const chosen = selectCandidates(found.candidates, found.problems).filter((c) => !LONG_DIGITS_TEST.test(run.text.slice(Math.max(0, c.start - 1), c.end + 1)));
    const lang = run.langs[0] as Language;
    for (const c of chosen) {
      const at = run.toBody(c.start, c.end);
      if (!at) continue;
      ctx.future = (c.meaning.kind === 'weekday' && pointsAhead(run.text, c.start, lang)) || speaksOfFuture(run.text, c.start, c.end, lang);
      const resolved = resolve(c.meaning, ctx);
      if (c.meaning.kind === 'calendar' && c.meaning.year !== undefined) ctx.lastYear = c.meaning.year;
      // The quarter a report is about: the one it names without looking back ("the year-ago quarter" is not).
      if (c.meaning.kind === 'quarter' && resolved && (c.meaning.yearShift ?? 0) >= 0 && c.meaning.year === undefined) {
        const q = /^(\d{4})-Q(\d)$/.exec(resolved.value);
        if (q) ctx.focusQuarter = { year: Number(q[1]), quarter: Number(q[2]) };
      }
      if (!resolved) continue;
      const [start, end] = at;
      const text = run.text.slice(c.start, c.end);
      if (c.meaning.kind === 'calendar' && c.meaning.weekday !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(resolved.value)) {
        const day = parseIsoDay(resolved.value);
        if (day && isoWeekday(day) !== c.meaning.weekday) {
          problems.push({ start, end, ruleId: 'weekday-mismatch', reason: `${text}: ${resolved.value} is not that weekday`, text });
        }
      }
      dates.push({ text, value: resolved.value, type: resolved.type, start, end });
    }
  }
  return { dates, problems };
}

/**
 * Blocks are read in runs of consecutive blocks that share their languages: one pass of each rule
 * over a run costs far less than one per block (pages have hundreds of one-line blocks). Blocks are
 * joined by a NUL between newlines, which no pattern crosses, and offsets are mapped back.
 */
const RUN_SEPARATOR = '\n\u0000\n';

interface Run {
  text: string;
  langs: Language[];
  /** Body offsets of a run span, or null when it would cross from one block into another. */
  toBody(start: number, end: number): [number, number] | null;
}

function runsOf(blocks: { text: string; start: number; lang?: string }[], docLang: string | undefined): Run[] {
  const runs: Run[] = [];
  let current: { parts: { text: string; start: number }[]; langs: Language[]; key: string } | null = null;
  const close = () => {
    if (!current) return;
    const { parts, langs } = current;
    const offsets: number[] = [];
    let length = 0;
    for (const part of parts) {
      offsets.push(length);
      length += part.text.length + RUN_SEPARATOR.length;
    }
    runs.push({
      text: parts.map((p) => p.text).join(RUN_SEPARATOR),
      langs,
      toBody(start, end) {
        let lo = 0;
        let hi = offsets.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((offsets[mid] as number) <= start) lo = mid;
          else hi = mid - 1;
        }
        const part = parts[lo] as { text: string; start: number };
        const local = start - (offsets[lo] as number);
        if (local + (end - start) > part.text.length) return null;
        return [part.start + local, part.start + local + (end - start)];
      },
    });
    current = null;
  };
  for (const block of blocks) {
    // With the language unknown every table is tried, but only those whose script the block uses.
    const possible = languagesFor(block.lang, docLang);
    const inScript = possible.length > 1 ? possible.filter((l) => l.script.test(block.text)) : possible;
    // No table fits the block's script (digits only, Arabic...): ISO and numeric dates still count.
    const langs = inScript.length > 0 ? inScript : [neutralLanguage()];
    const key = langs.map((l) => l.code).join(',');
    if (!current || current.key !== key) {
      close();
      current = { parts: [], langs, key };
    }
    current.parts.push({ text: block.text, start: block.start });
  }
  close();
  return runs;
}
const LONG_DIGITS_TEST = /\d{9,}/;

/** Dates written out in full that lie far after the document's own date. */
function datesAfterDocument(dates: DateMention[], anchor: Day, toleranceDays: number): DateMention[] {
  const limit = formatDay(addDays(anchor, toleranceDays));
  return dates.filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d.value) && d.value.slice(0, 10) > limit);
}

/**
 * The dates of one document: its own date (`published`) and every expression of its body, on
 * `file.data`; problems go to `file` as messages. `blocks` are the body's blocks with their
 * offsets in `text`, which every offset indexes.
 */
function tagDocument(file: VFile, text: string, blocks: { text: string; start: number; lang?: string }[], options: DatesOptions): void {
  const tolerance = options.futureToleranceDays ?? 366;
  const docLang = file.data.lang && file.data.lang !== 'und' ? file.data.lang : (file.data.langHint ?? undefined);
  const langsOfDoc = languagesFor(docLang, undefined);
  const own = documentDate(file, text, langsOfDoc);
  if (file.data.dateHint && !parseIsoDay(file.data.dateHint)) {
    report(file, { start: 0, end: 0, ruleId: 'invalid-date', reason: `the dump's date "${file.data.dateHint.slice(0, 40)}" is not a valid date`, text: file.data.dateHint.slice(0, 40) });
  }
  file.data.published = own.published ? formatDay(own.published) : null;
  file.data.publishedSource = own.source;
  const anchor = own.published ?? parseIsoDay(file.data.referenceDate);
  let tagged = tagDates(blocks, anchor, docLang);
  if (anchor === null) tagged = anchorOnNarrative(file, blocks, tagged, docLang);
  file.data.dates = tagged.dates;
  for (const p of tagged.problems) report(file, p);
  if (own.published) {
    for (const d of datesAfterDocument(tagged.dates, own.published, tolerance)) {
      report(file, { start: d.start, end: d.end, ruleId: 'date-after-document' as Problem['ruleId'], reason: `${d.text} (${d.value}) is long after the document's date ${formatDay(own.published)}`, text: d.text });
    }
  }
}

const dates: Plugin<[DatesOptions?], Root> = function dates(options = {}) {
  return (tree, file: VFile) => {
    const { text, spans } = assembleText(tree);
    tagDocument(file, text, spans.map((s) => ({ text: s.block.value, start: s.start, lang: s.block.data?.lang })), options);
  };
};

export interface NormaliseDatesOptions extends DatesOptions {
  /** The document's own date (ISO 8601): anchors relative dates ("yesterday"). Without it, a date the text opens with, else `referenceDate`. */
  published?: string | null;
  /** Anchors relative dates when the document's own date is unknown (ISO 8601 day). */
  referenceDate?: string | null;
  /** The text's language (ISO 639-3). Without it every language's rules are tried, in the text's script. */
  lang?: string;
}

/** A problem the dates stage reports (an impossible date, a weekday that does not match), with its place in the text. */
export interface DateProblem {
  ruleId: string;
  reason: string;
  text: string;
  start: number;
  end: number;
}

/** What `normaliseDates` gives: the record's `published` and `dates`, and the problems reported. */
export interface NormalisedDates {
  published: string | null;
  dates: DateMention[];
  problems: DateProblem[];
}

/** Paragraphs of a text as the pipeline first splits it (`parseDocument`: blank lines), with their offsets in the text. */
function paragraphsOf(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const separator of [...text.matchAll(/\n[ \t\f\v\r\u00a0]*\n/g), null]) {
    const end = separator ? (separator.index ?? 0) : text.length;
    const part = text.slice(start, end);
    const value = trimSpace(part);
    if (value !== '') out.push({ text: value, start: start + part.indexOf(value) });
    if (separator) start = end + separator[0].length;
  }
  return out;
}

/**
 * Plain function on one string: its temporal expressions with TIMEX3 values, and its own date.
 * Offsets index `text` as given.
 */
export async function normaliseDates(text: string, options: NormaliseDatesOptions = {}): Promise<NormalisedDates> {
  const file = createDocumentFile(text, { dateHint: options.published ?? null, referenceDate: options.referenceDate ?? null });
  if (options.lang !== undefined) file.data.lang = options.lang;
  tagDocument(file, text, paragraphsOf(text), options);
  const problems = file.messages
    .filter((m) => m.source === SOURCE)
    .map((m) => ({ ruleId: m.ruleId ?? '', reason: m.reason, text: m.actual ?? '', start: m.place && 'start' in m.place ? (m.place.start.offset ?? 0) : 0, end: m.place && 'end' in m.place ? (m.place.end.offset ?? 0) : 0 }));
  return { published: file.data.published ?? null, dates: file.data.dates ?? [], problems };
}

/**
 * A document of unknown date: its relative dates are anchored on the latest full date the text
 * itself states (HeidelTime's narrative mode: "Tuesday, January 27, 2026 … on Tuesday" is that
 * Tuesday), and the anchor is recorded as a decision. Without one they stay unresolved (`XXXX-…`).
 */
function anchorOnNarrative(file: VFile, blocks: Parameters<typeof tagDates>[0], tagged: ReturnType<typeof tagDates>, docLang?: string): ReturnType<typeof tagDates> {
  let latest: DateMention | null = null;
  for (const d of tagged.dates) {
    if (d.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(d.value) && (latest === null || d.value > latest.value)) latest = d;
  }
  if (latest === null) return tagged;
  note(file, `relative dates anchored on ${latest.value} ("${latest.text}"), the latest full date the text states; the document's own date is unknown`, { ruleId: 'narrative-anchor', source: SOURCE }).actual = latest.text;
  return tagDates(blocks, parseIsoDay(latest.value), docLang);
}

function report(file: VFile, p: Problem): void {
  const message = note(file, p.reason, { ruleId: p.ruleId, source: SOURCE });
  message.actual = p.text;
  // Offsets index the record's text; a problem of the metadata (start = end = 0) has no place.
  if (p.end > p.start) {
    message.place = { start: { line: 1, column: p.start + 1, offset: p.start }, end: { line: 1, column: p.end + 1, offset: p.end } };
  }
}

export default dates;
export { dates };

export const datesStage: StageDefinition = {
  name: 'dates',
  plugin: dates,
  summarize: (_tree, file) => ({
    published: file.data.published ?? null,
    publishedSource: file.data.publishedSource ?? null,
    dates: file.data.dates?.length ?? 0,
    // The report's name for publishedSource, null when there is no `published`.
    publishedFrom: file.data.published ? (file.data.publishedSource ?? null) : null,
    // Offsets index the stage's text, which is the record's final text.
    list: (file.data.dates ?? []).map((d) => ({ text: d.text, value: d.value, type: d.type, start: d.start, end: d.end })),
    problems: file.messages.filter((m) => m.source === SOURCE).map((m) => ({ rule: m.ruleId, text: m.actual })),
  }),
};
