// One document through the stages, the way any user of the package processes one:
//   unified().use(parse).use(preset).use(toRecord).processSync(file)
// with the selected stages as the preset, and an observer that writes each stage's line and time.
// A stage that throws ends that document's journey: its record carries what the earlier stages
// produced and an `error` naming the stage; the run goes on.
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { createDocumentFile, parseDocument } from '../core/document.ts';
import { readHtmlPage } from './html.ts';
import type { PageMetadata } from '../core/document.ts';
import type { InputDocument } from './read.ts';
import { parse } from '../core/parse.ts';
import { buildRecord, toRecord, type NewsRecord } from '../core/record.ts';
import { stagesPreset, type StageDefinition, type StageObserver } from '../core/stage.ts';
import { countRules, documentCounts, type DocumentCounts } from './stats.ts';
import type { CountsLine } from './write.ts';
import { showInvisible } from './invisible.ts';
import { encodeLines } from './line-bytes.ts';

export interface StageLine {
  id: string;
  [key: string]: unknown;
}

export interface ProcessResult {
  record: NewsRecord;
  /**
   * One line per selected stage, in pipeline order, as JSON: made when the stage ends, so that
   * what it holds (block lists, decisions) does not stay alive as objects while the later stages
   * run (a long document's would outlive collections of the young generation and be copied).
   * Empty from a runner told to make none (no stage files).
   */
  stageLines: string[];
  /** Per stage, its decisions counted by rule (what run.json counts of them). */
  decisions: [string, number][][];
  /** Milliseconds spent in each selected stage. */
  timings: number[];
}

/**
 * A processed document as the output files take it: its lines already JSON and already UTF-8
 * bytes, made where it was processed (in a worker thread when there are workers). Bytes, not
 * strings: a worker hands its buffer to the main thread without a copy (a string crosses threads as
 * a copy, an object as a copy of every object), and the main thread only writes. And made at
 * once: the JSON strings die young, where strings kept until their batch is written outlived a
 * few collections of the young generation, were copied each time, and filled the old one (about a
 * third of what the pipeline promoted there, by a sampling heap profile of the bench slice).
 */
export interface WrittenResult {
  /**
   * The stage lines in pipeline order (without stage files, the line of the counts file instead:
   * write.ts, `CountsLine`), then the record: each one line of JSON with its newline, one after another.
   */
  bytes: Uint8Array;
  /** Where each line ends in `bytes` (after its newline). */
  ends: number[];
  counts: DocumentCounts;
  /** Milliseconds spent in each selected stage. */
  timings: number[];
}

/** A processed document's lines for the output files: with its stage lines, or (`stageFiles` false) its counts line. */
export function written(result: ProcessResult, stageFiles = true): WrittenResult {
  const beside = stageFiles ? result.stageLines : [JSON.stringify({ id: result.record.id, decisions: result.decisions } satisfies CountsLine)];
  const { bytes, ends } = encodeLines([...beside, JSON.stringify(result.record)]);
  return { bytes, ends, counts: documentCounts(result.record, result.decisions), timings: result.timings };
}

/** The lines of a processed document as strings, without their newlines (for tests and tools). */
export function linesOf(result: WrittenResult): string[] {
  const text = new TextDecoder().decode(result.bytes);
  return text.slice(0, -1).split('\n');
}

export interface ProcessContext {
  referenceDate: string | null;
}

/** What the observer writes down for one document as it goes through the stages. */
interface Journey {
  id: string;
  stageLines: string[];
  decisions: [string, number][][];
  timings: number[];
  /** The text the stage before received: a line repeats its input only when it changed. */
  previousInput: string | null;
  input: string;
  messagesBefore: number;
  startedAt: number;
}

/** The processor of a run: the parser, the selected stages (each with its options, all watched), the compiler. */
function runProcessor(stages: readonly StageDefinition[], options: Record<string, unknown>, observer: StageObserver) {
  return unified().use(parse).use(stagesPreset(stages, options, observer)).use(toRecord).freeze();
}

/** The selected stages, frozen into one processor for the whole run. */
export class StageRunner {
  private readonly processor: ReturnType<typeof runProcessor>;
  private readonly journeys = new WeakMap<VFile, Journey>();

  /**
   * `stageLines` false: the stages' lines are not made, only their decisions counted by rule (a run
   * without stage files: making and writing them took about a fifth of the bench's CPU).
   */
  constructor(
    readonly stages: readonly StageDefinition[],
    options: Record<string, unknown> = {},
    private readonly stageLines = true,
  ) {
    this.processor = runProcessor(stages, options, this.observer());
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
    const body = bodyOf(doc);
    const file = createDocumentFile('text' in body ? body.text : '', {
      ...('page' in body && body.page ? { page: body.page } : {}),
      ...(doc.title ? { jsonlTitle: doc.title } : {}),
      id: doc.id,
      source: doc.source,
      dateHint: doc.date,
      langHint: doc.langHint,
      referenceDate: context.referenceDate,
      encoding: doc.encoding ?? null,
      invalidBytes: doc.invalidBytes ?? [],
    });
    if (doc.learned) file.data.learned = doc.learned;
    // A document that could not be read goes through too: every stage skips it, its record says why.
    if ('error' in body) file.data.error = { stage: 'read', message: body.error };
    const journey: Journey = { id: doc.id, stageLines: [], decisions: [], timings: [], previousInput: null, input: '', messagesBefore: 0, startedAt: 0 };
    this.journeys.set(file, journey);
    const { result } = this.processor.processSync(file);
    return { record: result, stageLines: journey.stageLines, decisions: journey.decisions, timings: journey.timings };
  }

  /** Writes each stage's line (what it produced, its input when changed, its decisions) and its time. */
  private observer(): StageObserver {
    const journeyOf = (file: VFile) => this.journeys.get(file) as Journey;
    return {
      start: (_stage, file, input) => {
        const journey = journeyOf(file);
        journey.input = input;
        journey.messagesBefore = file.messages.length;
        journey.startedAt = performance.now();
      },
      end: (stage, tree, file, error) => {
        const journey = journeyOf(file);
        if (!this.stageLines) {
          journey.timings.push(performance.now() - journey.startedAt);
          journey.decisions.push(countRules(rulesSince(file, journey.messagesBefore)));
          return;
        }
        const inputField = journey.input === journey.previousInput ? {} : { input: journey.input };
        journey.previousInput = journey.input;
        const id = journey.id;
        const decisions = decisionsSince(file, journey.messagesBefore);
        const summary = error === undefined ? stage.summarize(tree, file) : { error: file.data.error?.message };
        journey.timings.push(performance.now() - journey.startedAt);
        journey.decisions.push(countRules(decisions));
        journey.stageLines.push(JSON.stringify({ id, ...summary, ...inputField, decisions } satisfies StageLine));
      },
      skip: (_stage, file) => {
        const journey = journeyOf(file);
        const failed = file.data.error as { stage: string };
        journey.timings.push(0);
        journey.decisions.push([]);
        if (this.stageLines) journey.stageLines.push(JSON.stringify({ id: journey.id, skipped: failed.stage === 'read' ? 'the document could not be read' : `stage ${failed.stage} failed` }));
      },
    };
  }
}

/** The record of a document that failed outside the stages (a worker that died): its text unprocessed. */
export function buildFailure(doc: InputDocument, stage: string, message: string, stageCount: number): ProcessResult {
  const body = bodyOf(doc);
  const text = 'text' in body ? body.text : '';
  const file = createDocumentFile(text, { id: doc.id, source: doc.source });
  const stageLines = Array.from({ length: stageCount }, () => JSON.stringify({ id: doc.id, skipped: message }));
  return { record: buildRecord(parseDocument(text), file, { stage, message }), stageLines, decisions: stageLines.map(() => []), timings: stageLines.map(() => 0) };
}

/** The document's text, its HTML page as text, or why there is none. */
export function bodyOf(doc: InputDocument): { text: string; page?: PageMetadata } | { error: string } {
  if (doc.error !== null) return { error: doc.error };
  if (doc.text !== null) return doc.page ? { text: doc.text, page: doc.page } : { text: doc.text };
  try {
    const { text, page } = readHtmlPage(doc.html ?? '', doc.source.url);
    return text.trim() === '' ? { error: 'the HTML page has no visible text' } : { text, page };
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
    // The message's `place` is in the document (core/places.ts); its offsets in the stage's input are kept beside it.
    if (m.inputSpan) {
      d.start = m.inputSpan.start;
      d.end = m.inputSpan.end;
    }
    return d;
  });
}

/** The rules of the decisions a stage made (what run.json counts), without the decisions' lines. */
function rulesSince(file: VFile, start: number): { rule: string | null }[] {
  const rules: { rule: string | null }[] = [];
  for (let i = start; i < file.messages.length; i++) rules.push({ rule: (file.messages[i] as VFile['messages'][number]).ruleId ?? null });
  return rules;
}
