// Documents finish in any order (several in flight, several workers); they are counted and
// written in input order, so the output and run.json are the same at any concurrency.
import type { WrittenResult } from './process.ts';
import type { RunProgress } from './run.ts';
import type { RunStats } from './stats.ts';
import type { OutputWriter } from './write.ts';

export interface Finished {
  result: WrittenResult;
  /** How far into the input the document ends, in bytes. */
  offset: number;
  bytes: number;
}

export class InOrderWriter {
  private readonly finished = new Map<number, Finished>();
  private writing: Promise<void> = Promise.resolve();
  /** The first write that failed; once set, nothing more is written. */
  error: Error | null = null;
  /** Documents taken from the input and not yet written. */
  inFlight = 0;

  constructor(
    private nextToWrite: number,
    private readonly writer: OutputWriter,
    private readonly stats: RunStats,
    readonly progress: RunProgress,
    /** Called after each document is written, with the number written so far (kept included). */
    private readonly onWritten: (written: number) => void,
  ) {}

  /** Document number `at` (its place in the input) is done; writes whatever is now in order. */
  add(at: number, finished: Finished): void {
    this.finished.set(at, finished);
    while (this.finished.has(this.nextToWrite)) {
      const next = this.finished.get(this.nextToWrite) as Finished;
      this.finished.delete(this.nextToWrite);
      this.nextToWrite++;
      this.stats.addCounts(next.result.counts);
      const written = this.nextToWrite;
      this.writing = this.writing.then(() => this.write(next, written));
    }
  }

  private async write({ result, offset, bytes }: Finished, written: number): Promise<void> {
    if (this.error) return;
    try {
      await this.writer.write(result.bytes, result.ends);
    } catch (e) {
      this.error = e as Error;
    }
    this.inFlight--;
    this.progress.written++;
    if (result.counts.error) this.progress.failed++;
    this.progress.processedBytes += bytes;
    this.progress.inputOffset = offset;
    this.onWritten(written);
  }

  /** Resolves once everything added so far is written. */
  async drained(): Promise<void> {
    await this.writing;
  }
}
