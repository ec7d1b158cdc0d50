// The counts of run.json: documents, failures by stage, decisions by stage and rule, time per stage.
// Counts are built from the same lines the output files hold, so a resumed run can rebuild the
// counts of what it kept and end with the same numbers as an uninterrupted run.
import type { NewsRecord } from '../core/record.ts';

export interface RunSummary {
  documents: number;
  failed: number;
  failures: Record<string, number>;
  failureMessages: { id: string; stage: string; message: string }[];
  decisions: Record<string, Record<string, number>>;
  removedCharacters: Record<string, number>;
  stages: string[];
  timings: { totalMs: number; stageMs: Record<string, number>; readMs: number };
  /** Set when the run was stopped (SIGINT/SIGTERM): the files hold the documents before that point. */
  interrupted?: boolean;
  /** Files inside input folders that were not read, and why (the first thousand). */
  skipped?: { path: string; reason: string }[];
  /** Ids the input held more than once (each repeat got a `~N` suffix). */
  duplicateIds?: number;
  /** On --resume: documents kept from the earlier run and processed by this one. */
  resumed?: { kept: number; processed: number } | null;
}

const MAX_FAILURE_MESSAGES = 1000;

/**
 * What run.json counts of one document: its failure, its decisions per stage by rule, the
 * characters removed by stage and reason (in the order they come). Small, so a worker thread
 * sends these with the document's lines instead of the record and stage lines as objects.
 */
export interface DocumentCounts {
  id: string;
  error: { stage: string; message: string } | null;
  /** Per stage, in pipeline order: [rule, decisions] in the order the rules first come. */
  decisions: [string, number][][];
  removed: [string, number][];
}

/** A document's counts from its record and its stage lines as objects (read back from the files). */
export function countDocument(record: NewsRecord, stageLines: unknown[]): DocumentCounts {
  return documentCounts(
    record,
    stageLines.map((line) => countRules((line as { decisions?: { rule: string | null }[] }).decisions ?? [])),
  );
}

/** A stage's decisions counted by rule, in the order the rules first come. */
export function countRules(decisions: readonly { rule?: unknown }[]): [string, number][] {
  const byRule = new Map<string, number>();
  for (const d of decisions) {
    const rule = typeof d.rule === 'string' ? d.rule : 'note';
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  return [...byRule];
}

/** A document's counts from its record and each stage's decisions counted by rule (`countRules`). */
export function documentCounts(record: NewsRecord, decisions: [string, number][][]): DocumentCounts {
  const removed = new Map<string, number>();
  for (const r of record.removed) {
    const key = `${r.stage}/${r.reason}`;
    removed.set(key, (removed.get(key) ?? 0) + r.text.length);
  }
  return { id: record.id, error: record.error ? { stage: record.error.stage, message: record.error.message } : null, decisions, removed: [...removed] };
}

export class RunStats {
  private documents = 0;
  private readonly failures = new Map<string, number>();
  private readonly failureMessages: RunSummary['failureMessages'] = [];
  private readonly decisions = new Map<string, Map<string, number>>();
  private readonly removedCharacters = new Map<string, number>();
  private readonly stageMs: number[];

  constructor(private readonly stageNames: string[]) {
    this.stageMs = stageNames.map(() => 0);
  }

  addDocument(record: NewsRecord, stageLines: unknown[]): void {
    this.addCounts(countDocument(record, stageLines));
  }

  /**
   * Adds a document read back from the output files: its record and the lines beside it, its
   * stage lines or (`countsFile`) its one line of the counts file (write.ts, `CountsLine`).
   */
  addLines(record: NewsRecord, lines: unknown[], countsFile: boolean): void {
    if (!countsFile) return this.addDocument(record, lines);
    this.addCounts(documentCounts(record, (lines[0] as { decisions: [string, number][][] }).decisions));
  }

  /** Adds a document by its counts (made where it was processed: see countDocument). */
  addCounts(counts: DocumentCounts): void {
    this.documents++;
    if (counts.error) {
      const { stage, message } = counts.error;
      this.failures.set(stage, (this.failures.get(stage) ?? 0) + 1);
      if (this.failureMessages.length < MAX_FAILURE_MESSAGES) this.failureMessages.push({ id: counts.id, stage, message });
    }
    counts.decisions.forEach((rules, i) => {
      const byRule = this.decisions.get(this.stageNames[i] as string) ?? new Map<string, number>();
      for (const [rule, n] of rules) byRule.set(rule, (byRule.get(rule) ?? 0) + n);
      if (byRule.size > 0) this.decisions.set(this.stageNames[i] as string, byRule);
    });
    for (const [key, n] of counts.removed) this.removedCharacters.set(key, (this.removedCharacters.get(key) ?? 0) + n);
  }

  addTimings(timings: number[]): void {
    timings.forEach((ms, i) => {
      this.stageMs[i] = (this.stageMs[i] as number) + ms;
    });
  }

  summary(totalMs: number, readMs: number): RunSummary {
    const sorted = <T>(m: Map<string, T>) => Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    return {
      documents: this.documents,
      failed: [...this.failures.values()].reduce((a, b) => a + b, 0),
      failures: sorted(this.failures),
      failureMessages: this.failureMessages,
      decisions: Object.fromEntries([...this.decisions].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, sorted(v)])),
      removedCharacters: sorted(this.removedCharacters),
      stages: this.stageNames,
      timings: {
        totalMs: Math.round(totalMs),
        readMs: Math.round(readMs),
        stageMs: Object.fromEntries(this.stageNames.map((n, i) => [n, Math.round(this.stageMs[i] as number)])),
      },
    };
  }
}
