// What the command line shows while a run goes on, on stderr: a progress bar on a terminal
// (cli-progress), a plain line every few seconds otherwise (a log file, a batch job), nothing
// with --quiet. The runner only reports counts (RunStart, RunProgress); the showing is here.
import { SingleBar } from 'cli-progress';
import type { RunProgress, RunStart } from './run.ts';

export interface ProgressReporter {
  start(start: RunStart): void;
  update(progress: RunProgress): void;
  stop(): void;
}

export interface ReporterOptions {
  quiet: boolean;
  /** Where to write (stderr); a TTY gets the bar. */
  stream: NodeJS.WriteStream;
  /** Seconds between plain lines when the stream is not a terminal. */
  intervalSeconds?: number;
  now?: () => number;
}

/** "1 min 20 s", "12 s": the time left, as a person reads it. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** The figures of one progress report: documents, failures, MB/s, the share done and the time left. */
export function progressFigures(
  start: RunStart,
  p: RunProgress,
  elapsedSeconds: number,
  baseOffset = 0,
): { documents: number; failed: number; mbPerSecond: number; share: number | null; secondsLeft: number | null } {
  const mbPerSecond = elapsedSeconds > 0 ? p.processedBytes / 1e6 / elapsedSeconds : 0;
  const total = start.inputBytes;
  const share = total !== null && total > 0 ? Math.min(1, p.inputOffset / total) : null;
  // The pace through the input, from where this run began (on --resume, after the kept documents).
  const pace = elapsedSeconds > 0 ? (p.inputOffset - baseOffset) / elapsedSeconds : 0;
  const secondsLeft = total !== null && pace > 0 ? (total - p.inputOffset) / pace : null;
  return { documents: p.kept + p.written, failed: p.failed, mbPerSecond, share, secondsLeft };
}

export function plainLine(start: RunStart, p: RunProgress, elapsedSeconds: number, baseOffset = 0): string {
  const f = progressFigures(start, p, elapsedSeconds, baseOffset);
  const parts = [`${f.documents} documents`, `${f.failed} failed`, `${f.mbPerSecond.toFixed(2)} MB/s`];
  if (f.share !== null) parts.push(`${Math.floor(f.share * 100)}% of the input`);
  if (f.secondsLeft !== null) parts.push(`about ${formatDuration(f.secondsLeft)} left`);
  return `newsnorm: ${parts.join(', ')}`;
}

export function createProgressReporter(options: ReporterOptions): ProgressReporter {
  if (options.quiet) return { start() {}, update() {}, stop() {} };
  return options.stream.isTTY ? new BarReporter(options) : new LineReporter(options);
}

/** Plain lines, at most one every `intervalSeconds`, and one at the end. */
class LineReporter implements ProgressReporter {
  private begun = 0;
  private lastLine = 0;
  private first: RunStart = { kept: 0, remaining: null, inputBytes: null };
  private base: number | null = null;
  private readonly now: () => number;

  constructor(private readonly options: ReporterOptions) {
    this.now = options.now ?? (() => performance.now() / 1000);
  }

  start(start: RunStart): void {
    this.first = start;
    this.begun = this.now();
    this.lastLine = this.begun;
  }

  update(progress: RunProgress): void {
    // The first document written marks where this run began in the input (after kept ones).
    this.base ??= progress.inputOffset;
    const t = this.now();
    if (t - this.lastLine < (this.options.intervalSeconds ?? 10)) return;
    this.lastLine = t;
    this.options.stream.write(`${plainLine(this.first, progress, t - this.begun, this.base)}\n`);
  }

  stop(): void {}
}

/** A bar over the input's bytes when its size is known, else a running count. */
class BarReporter implements ProgressReporter {
  private bar: SingleBar | null = null;
  private first: RunStart = { kept: 0, remaining: null, inputBytes: null };
  private begun = 0;
  private base: number | null = null;

  constructor(private readonly options: ReporterOptions) {}

  start(start: RunStart): void {
    this.first = start;
    this.begun = performance.now() / 1000;
    const sized = start.inputBytes !== null && start.inputBytes > 0;
    this.bar = new SingleBar({
      stream: this.options.stream,
      format: sized
        ? 'newsnorm {bar} {percentage}% | {documents} documents | {failed} failed | {mbps} MB/s | {left} left'
        : 'newsnorm {documents} documents | {failed} failed | {mbps} MB/s',
      hideCursor: true,
      clearOnComplete: false,
      fps: 5,
    });
    this.bar.start(sized ? (start.inputBytes as number) : 1, 0, { documents: start.kept, failed: 0, mbps: '0.00', left: '…' });
  }

  update(progress: RunProgress): void {
    this.base ??= progress.inputOffset;
    const f = progressFigures(this.first, progress, performance.now() / 1000 - this.begun, this.base);
    this.bar?.update(progress.inputOffset, {
      documents: f.documents,
      failed: f.failed,
      mbps: f.mbPerSecond.toFixed(2),
      left: f.secondsLeft === null ? '…' : formatDuration(f.secondsLeft),
    });
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
