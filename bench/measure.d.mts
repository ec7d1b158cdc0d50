// Types of measure.mjs (plain JavaScript, so that it runs under plain Node against dist/).
import type { RunOptions } from '../pipeline/run/run.ts';
import type { RunSummary } from '../pipeline/run/stats.ts';

export interface Measured {
  seconds: number;
  firstRecordMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  /** The process's peak resident memory, worker threads included. */
  peakMb: number;
  /** The highest resident MB in each tenth of the documents ('-' for a tenth without a sample). */
  tenths: string[];
  documents: number;
  stageMs: Record<string, number>;
}

export function measure(runPipeline: (options: RunOptions) => Promise<RunSummary>, options: Omit<RunOptions, 'onDocument'>): Promise<Measured>;
export const RESULT_PREFIX: string;
