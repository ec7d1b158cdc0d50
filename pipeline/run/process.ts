// One document through the stages. A stage that throws ends that document's journey: its record
// carries what the earlier stages produced and an `error` naming the stage; the run goes on.
import { unified, type Processor } from 'unified';
import type { VFile } from 'vfile';
import { createDocumentFile, parseDocument, type Root } from '../core/document.ts';
import { htmlToText } from './html.ts';
import type { InputDocument } from './read.ts';
import { buildRecord, type NewsRecord } from '../core/record.ts';
import { markStageInput } from '../core/offsets.ts';
import type { StageDefinition } from '../core/stage.ts';

export interface StageLine {
  id: string;
  [key: string]: unknown;
}

export interface ProcessResult {
  record: NewsRecord;
  /** One line per selected stage, in pipeline order. */
  stageLines: StageLine[];
  /** Milliseconds spent in each selected stage. */
  timings: number[];
}

export interface ProcessContext {
  referenceDate: string | null;
}

/** The selected stages, each frozen into a processor once for the whole run. */
export class StageRunner {
  private readonly processors: Processor<undefined, Root, Root>[];

  constructor(
    readonly stages: readonly StageDefinition[],
    options: Record<string, unknown> = {},
  ) {
    this.processors = stages.map(
      (s) => unified().use(s.plugin, options[s.name] as never).freeze() as unknown as Processor<undefined, Root, Root>,
    );
  }

  /** Processes a document; whatever goes wrong becomes the document's error, never the run's. */
  process(doc: InputDocument, context: ProcessContext): ProcessResult {
    try {
      return this.processUnguarded(doc, context);
    } catch (e) {
      return buildFailure(doc, 'process', e instanceof Error ? e.message : String(e), this.stages.length);
    }
  }

  private processUnguarded(doc: InputDocument, context: ProcessContext): ProcessResult {
    const stageLines: StageLine[] = [];
    const timings: number[] = this.stages.map(() => 0);
    const skipped = (reason: string) => {
      for (let i = stageLines.length; i < this.stages.length; i++) stageLines.push({ id: doc.id, skipped: reason });
    };
    const body = bodyOf(doc);
    const text = 'text' in body ? body.text : '';
    const file = createDocumentFile(text, {
      id: doc.id,
      source: doc.source,
      dateHint: doc.date,
      langHint: doc.langHint,
      referenceDate: context.referenceDate,
      encoding: doc.encoding ?? null,
      invalidBytes: doc.invalidBytes ?? [],
    });
    if (doc.learned) file.data.learned = doc.learned;
    const tree = parseDocument(text);
    if ('error' in body) {
      skipped('the document could not be read');
      return { record: buildRecord(tree, file, { stage: 'read', message: body.error }), stageLines, timings };
    }
    let previousInput: string | null = null;
    for (let i = 0; i < this.stages.length; i++) {
      const stage = this.stages[i] as StageDefinition;
      const before = file.messages.length;
      // The text as this stage receives it; a line repeats it only when the stage before changed it.
      const input = markStageInput(tree);
      const inputField = input === previousInput ? {} : { input };
      previousInput = input;
      const t0 = performance.now();
      let summary: Record<string, unknown>;
      try {
        (this.processors[i] as Processor<undefined, Root, Root>).runSync(tree, file);
        summary = stage.summarize(tree, file);
      } catch (e) {
        timings[i] = performance.now() - t0;
        const message = e instanceof Error ? e.message : String(e);
        stageLines.push({ id: doc.id, error: message, ...inputField, decisions: decisionsSince(file, before) });
        skipped(`stage ${stage.name} failed`);
        return { record: buildRecord(tree, file, { stage: stage.name, message }), stageLines, timings };
      }
      timings[i] = performance.now() - t0;
      stageLines.push({ id: doc.id, ...summary, ...inputField, decisions: decisionsSince(file, before) });
    }
    return { record: buildRecord(tree, file), stageLines, timings };
  }
}

/** The record of a document that failed outside the stages (a worker that died): its text unprocessed. */
export function buildFailure(doc: InputDocument, stage: string, message: string, stageCount: number): ProcessResult {
  const body = bodyOf(doc);
  const text = 'text' in body ? body.text : '';
  const file = createDocumentFile(text, { id: doc.id, source: doc.source });
  const stageLines = Array.from({ length: stageCount }, () => ({ id: doc.id, skipped: message }));
  return { record: buildRecord(parseDocument(text), file, { stage, message }), stageLines, timings: stageLines.map(() => 0) };
}

/** The document's text, its HTML page as text, or why there is none. */
export function bodyOf(doc: InputDocument): { text: string } | { error: string } {
  if (doc.error !== null) return { error: doc.error };
  if (doc.text !== null) return { text: doc.text };
  try {
    const text = htmlToText(doc.html ?? '');
    return text.trim() === '' ? { error: 'the HTML page has no visible text' } : { text };
  } catch (e) {
    return { error: `cannot read the HTML: ${(e as Error).message}` };
  }
}

/**
 * The decisions a stage made, as they appear in its stage file: `start`/`end` index the stage's
 * `input` where the decision has a place; invisible characters are shown as `<U+00A0>`.
 */
function decisionsSince(file: VFile, start: number) {
  return file.messages.slice(start).map((m) => {
    const d: Record<string, unknown> = { rule: m.ruleId ?? null, action: m.action ?? 'note', text: showInvisible(m.actual ?? m.reason) };
    if (m.expected?.[0] !== undefined) d.to = showInvisible(m.expected[0]);
    if (m.action === undefined) d.note = m.reason;
    const place = m.place;
    if (place && 'start' in place && place.start.offset !== undefined && place.end.offset !== undefined) {
      d.start = place.start.offset;
      d.end = place.end.offset;
    }
    return d;
  });
}

// Controls, format characters and every space but U+0020: a reader of a decision cannot see them.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

/** The text with each invisible character written as `<U+XXXX>`, so a stage file shows what changed. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `<U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}>`);
}
