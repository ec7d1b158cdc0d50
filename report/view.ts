// What the report shows of one document, built from its record and its stage lines only: every
// mark has the offsets the stage wrote, none is found by searching the text.
import { type Decision, type RunDocument, stageInputs } from './read.ts';

/**
 * `[start, end, action, stage, rule, text, to]`: a decision placed in its stage's input. A removal's
 * text is left out (null): it is the input between its offsets.
 */
type Mark = [number, number, string, string, string, string | null, string | null];
/** `[start, end, lang]`: a block and its language. */
type BlockLang = [number, number, string];

/**
 * A text as its lines, each either a line of the text before it (its number there) or the line
 * itself: most of a stage's input repeats the previous stage's line for line, so a page of
 * documents carries each text about once.
 */
export type LineDiff = (number | string)[];

export interface StageView {
  name: string;
  /** The text the stage received; absent when it is the previous view's. */
  input?: string;
  /** The same, as lines of the previous view's text (instead of `input`). */
  inputLines?: LineDiff;
  marks: Mark[];
  /** Decisions without a place in the text (the reader's decoding, a note on the whole document). */
  unplaced: [string, string, string, string | null][];
  /** Block languages (the language stage's), offsets into its input; later views with the same text use them too. */
  langs?: BlockLang[];
  error?: string;
  skipped?: string;
}

export interface DocumentView {
  index: number;
  id: string;
  url: string | null;
  lang: string;
  title: string | null;
  dateline: string | null;
  publisher: string | null;
  published: string | null;
  publishedFrom: string | null;
  error: { stage: string; message: string } | null;
  stages: StageView[];
  final: {
    /** The record's text; absent when it is the last stage's input. */
    text?: string;
    /** The same, as lines of the last stage's input (instead of `text`). */
    textLines?: LineDiff;
    langs: BlockLang[];
    /** `[start, end, canonical name]` */
    people: [number, number, string][];
    /** `[start, end, TIMEX3 value, type]` */
    dates: [number, number, string, string][];
  };
}

/** One row of the document list: id, language, characters kept and removed, people, failure, title. */
export type ListRow = [string, string, number, number, number, string, string];

function markOf(stage: string, d: Decision): Mark {
  return [d.start as number, d.end as number, d.action, stage, d.rule ?? '', d.action === 'remove' ? null : d.text, d.to ?? null];
}

export function documentView(doc: RunDocument): DocumentView {
  const { record } = doc;
  const inputs = stageInputs(doc);
  const stages: StageView[] = [];
  doc.stages.forEach((s, i) => {
    const decisions = s.line.decisions ?? [];
    const view: StageView = {
      name: s.name,
      marks: decisions.filter((d) => d.start !== undefined && d.end !== undefined).map((d) => markOf(s.name, d)),
      unplaced: decisions.filter((d) => d.start === undefined).map((d) => [d.action, d.rule ?? '', d.note ?? d.text, d.to ?? null]),
    };
    const previous = i > 0 ? (inputs[i - 1] ?? null) : null;
    if (inputs[i] !== null && inputs[i] !== previous) {
      if (previous === null) view.input = inputs[i] as string;
      else view.inputLines = linesFrom(previous, inputs[i] as string);
    }
    if (s.line.error) view.error = s.line.error;
    if (s.line.skipped) view.skipped = s.line.skipped;
    // The language stage's blocks index its input; the page carries them to the stages after it
    // until one changes the text.
    if (s.name === 'language' && Array.isArray(s.line.blocks)) {
      view.langs = (s.line.blocks as { start: number | null; end: number | null; lang: string }[])
        .filter((b) => b.start !== null && b.end !== null)
        .map((b) => [b.start as number, b.end as number, b.lang]);
    }
    stages.push(view);
  });
  const datesLine = doc.stages.find((s) => s.name === 'dates')?.line;
  const text: string = record.text ?? '';
  const final: DocumentView['final'] = {
    langs: (record.blocks ?? []).map((b: { start: number; end: number; lang: string }) => [b.start, b.end, b.lang]),
    people: (record.people ?? []).flatMap((p: { name: string; mentions: { start: number; end: number }[] }) =>
      p.mentions.map((m) => [m.start, m.end, p.name] as [number, number, string]),
    ),
    dates: (record.dates ?? []).map((d: { start: number; end: number; value: string; type: string }) => [d.start, d.end, d.value, d.type]),
  };
  const last = inputs.at(-1) ?? null;
  if (last === null) final.text = text;
  else if (text !== last) final.textLines = linesFrom(last, text);
  return {
    index: doc.index,
    id: record.id,
    url: record.source?.url ?? null,
    lang: record.lang,
    title: record.title ?? null,
    dateline: record.dateline?.text ?? null,
    publisher: record.publisher ?? null,
    published: record.published ?? null,
    publishedFrom: typeof datesLine?.publishedFrom === 'string' ? datesLine.publishedFrom : null,
    error: record.error ?? null,
    stages,
    final,
  };
}

export function listRow(doc: RunDocument): ListRow {
  const { record } = doc;
  const removed = (record.removed ?? []).reduce((n: number, r: { text: string }) => n + r.text.length, 0);
  // The title only as far as the list shows it: the list of a large run loads at once.
  const title: string = record.title ?? '';
  return [record.id, record.lang, (record.text ?? '').length, removed, (record.people ?? []).length, record.error?.stage ?? '', title.length > 120 ? `${title.slice(0, 119)}…` : title];
}

/** Lines shorter than this are written out: a line number would not be shorter. */
const SHORT_LINE = 8;

/**
 * `text` as lines of `previous` where a line is found there after the last one taken (in order,
 * so each line of `previous` is looked at once), else as itself; joined with "\n" they give `text`.
 */
export function linesFrom(previous: string, text: string): LineDiff {
  const where = new Map<string, number[]>();
  previous.split('\n').forEach((line, i) => {
    if (line.length < SHORT_LINE) return;
    const list = where.get(line);
    if (list) list.push(i);
    else where.set(line, [i]);
  });
  const taken = new Map<string, number>();
  let after = -1;
  return text.split('\n').map((line) => {
    const list = line.length < SHORT_LINE ? undefined : where.get(line);
    if (!list) return line;
    let k = taken.get(line) ?? 0;
    while (k < list.length && (list[k] as number) <= after) k++;
    taken.set(line, k);
    if (k === list.length) return line;
    after = list[k] as number;
    return after;
  });
}
