// The input cut into parts, and the parts shared out among the ranks of a cluster run. A part is
// what one rank reads: a JSONL dump (one file of many documents) on its own, a range of
// PART_BYTES of a larger plain one (the lines that start in it), or up to PART_FILES consecutive
// other files (a document each). Parts depend only on the input (its
// listing and file sizes, never on --world-size), and learning windows never span two parts, so a
// document learns the same in one process as in the rank that reads its part.
import { stat } from 'node:fs/promises';
import { formatOf, type InputEntry, walkInputs } from './read.ts';

/** Files of a document each in one part: as many as a learning window holds documents. */
export const PART_FILES = 1000;

/** A plain JSONL dump larger than this is cut into ranges of this size (at line starts). */
export const PART_BYTES: number = 64 * 1024 * 1024;

/** The size of a dump's ranges; NEWSNORM_PART_BYTES sets another, for tests (kept in the run's state). */
export function partBytes(): number {
  const given = Number(process.env.NEWSNORM_PART_BYTES);
  return Number.isInteger(given) && given > 0 ? given : PART_BYTES;
}

export interface InputPart {
  entries: InputEntry[];
  /** The files' size in bytes (0 for a path that could not be read). */
  bytes: number;
  /** Whether a gzip file hides how many bytes of text the part holds. */
  gzip: boolean;
}

/** The parts of the inputs, in input order. Lists the files and their sizes; reads no content. */
export async function inputParts(inputs: string[], exclude: string[] = [], rangeBytes: number = partBytes()): Promise<InputPart[]> {
  const parts: InputPart[] = [];
  let open: InputPart | null = null;
  for await (const entry of walkInputs(inputs, exclude)) {
    const bytes = 'error' in entry ? 0 : (await stat(entry.file).catch(() => ({ size: 0 }))).size;
    const format = 'error' in entry ? null : formatOf(entry.file);
    const part = { entries: [entry], bytes, gzip: format === 'jsonl.gz' };
    // A dump is a part of its own: its documents are many. A large plain one is cut into ranges,
    // each read by one rank (a gzip file cannot be entered in the middle).
    if (format === 'jsonl' && bytes > rangeBytes && !('error' in entry)) {
      for (let start = 0; start < bytes; start += rangeBytes) {
        const end = Math.min(bytes, start + rangeBytes);
        parts.push({ entries: [{ ...entry, range: { start, end } }], bytes: end - start, gzip: false });
      }
      open = null;
    } else if (format === 'jsonl' || format === 'jsonl.gz') {
      parts.push(part);
      open = null;
    } else if (open !== null && open.entries.length < PART_FILES) {
      open.entries.push(entry);
      open.bytes += bytes;
    } else {
      parts.push((open = part));
    }
  }
  return parts;
}

/**
 * The parts of rank `rank` of `worldSize`: a run of consecutive parts, so that the shards in rank
 * order are the input in order. A part goes to the rank whose share of the input's bytes holds the
 * part's middle byte; ranks get about equal bytes when the parts are many and small.
 */
export function partsOfRank(parts: InputPart[], rank: number, worldSize: number): InputPart[] {
  if (worldSize <= 1) return parts;
  const total = parts.reduce((a, p) => a + p.bytes, 0);
  let start = 0;
  return parts.filter((part, i) => {
    const middle = start + part.bytes / 2;
    start += part.bytes;
    // Empty parts (unreadable paths) go by their position, so that they are spread out too.
    const share = total > 0 ? middle / total : (i + 0.5) / parts.length;
    return Math.min(worldSize - 1, Math.floor(share * worldSize)) === rank;
  });
}

/** The bytes of some parts (for the time left), or null when a gzip file hides them. */
export function partsSize(parts: InputPart[]): number | null {
  return parts.some((p) => p.gzip) ? null : parts.reduce((a, p) => a + p.bytes, 0);
}
