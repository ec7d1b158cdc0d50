// What the report shows of one document, built from its record and its stage lines only: every
// mark has the offsets the stage wrote, none is found by searching the text.
import { type Decision, type RunDocument, stageInputs } from './read.ts';

/** `[start, end, action, stage, rule, text, to]`: a decision placed in its stage's input. */
type Mark = [number, number, string, string, string, string, string | null];
/** `[start, end, lang]`: a block and its language. */
type BlockLang = [number, number, string];

export interface StageView {
  name: string;
  /** The text the stage received; absent when it is the previous view's. */
  input?: string;
  marks: Mark[];
  /** Decisions without a place in the text (the reader's decoding, a note on the whole document). */
  unplaced: [string, string, string, string | null][];
  /** Block languages, where the offsets index this stage's input. */
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
  return [d.start as number, d.end as number, d.action, stage, d.rule ?? '', d.text, d.to ?? null];
}

export function documentView(doc: RunDocument): DocumentView {
  const { record } = doc;
  const inputs = stageInputs(doc);
  const stages: StageView[] = [];
  let languageBlocks: BlockLang[] | undefined;
  doc.stages.forEach((s, i) => {
    const decisions = s.line.decisions ?? [];
    const view: StageView = {
      name: s.name,
      marks: decisions.filter((d) => d.start !== undefined && d.end !== undefined).map((d) => markOf(s.name, d)),
      unplaced: decisions.filter((d) => d.start === undefined).map((d) => [d.action, d.rule ?? '', d.note ?? d.text, d.to ?? null]),
    };
    if (inputs[i] !== null && inputs[i] !== (i > 0 ? inputs[i - 1] : null)) view.input = inputs[i] as string;
    if (s.line.error) view.error = s.line.error;
    if (s.line.skipped) view.skipped = s.line.skipped;
    // The language stage's blocks index its input, which is also the input of the stages after it
    // until one changes the text.
    if (view.input !== undefined) languageBlocks = undefined;
    if (languageBlocks) view.langs = languageBlocks;
    if (s.name === 'language' && Array.isArray(s.line.blocks)) {
      languageBlocks = (s.line.blocks as { start: number | null; end: number | null; lang: string }[])
        .filter((b) => b.start !== null && b.end !== null)
        .map((b) => [b.start as number, b.end as number, b.lang]);
      view.langs = languageBlocks;
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
  if (text !== (inputs.at(-1) ?? null)) final.text = text;
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
  return [record.id, record.lang, (record.text ?? '').length, removed, (record.people ?? []).length, record.error?.stage ?? '', record.title ?? ''];
}
