// A document's output lines as UTF-8 bytes in one buffer of their own (process.ts, `WrittenResult`).

/**
 * Where the lines are encoded first: kept from one document to the next (one per thread), grown
 * when a document needs more, up to `SCRATCH_MOST` bytes. A UTF-16 code unit takes at most three
 * bytes of UTF-8 (a surrogate pair, two units, takes four), so three bytes a unit always hold a
 * line, and its length need not be known before it is encoded.
 */
let scratch: Buffer | null = null;

/**
 * A document whose lines could need more (over about 1.4 million characters; a document of the
 * bench's has about 70,000) measures them first instead: a scratch buffer kept for it would hold
 * three times the size of its lines for the rest of the run.
 */
const SCRATCH_MOST = 4 * 1024 * 1024;

/** The lines, each with its newline, one after another, and where each ends (after its newline). */
export function encodeLines(lines: readonly string[]): { bytes: Buffer; ends: number[] } {
  let most = 0;
  for (const line of lines) most += line.length * 3 + 1;
  return most <= SCRATCH_MOST ? encodeOnce(lines, most) : encodeMeasured(lines);
}

/**
 * Encoded once, into the scratch buffer, then copied into a buffer of their own (not a slice of
 * Node's shared pool, so that it can be transferred to another thread). Measuring each line's
 * UTF-8 length first (`Buffer.byteLength`) was a second pass over every character. On the 10 MB
 * slice's stage lines and records (95 MB of UTF-8), `written` (the record's JSON, the counts and
 * this) took 435-720 CPU ms (median 658 of 12 runs) with the length measured first, 386-644
 * (median 524) encoded once: about 13 ms per MB of input.
 */
function encodeOnce(lines: readonly string[], most: number): { bytes: Buffer; ends: number[] } {
  if (scratch === null || scratch.length < most) scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_MOST, Math.max(most, 2 * (scratch?.length ?? 256 * 1024))));
  const ends = writeLines(lines, scratch);
  const at = ends.at(-1) ?? 0;
  const bytes = Buffer.allocUnsafeSlow(at);
  scratch.copy(bytes, 0, 0, at);
  return { bytes, ends };
}

/** Each line's UTF-8 length first, then the lines encoded into a buffer of exactly that size. */
function encodeMeasured(lines: readonly string[]): { bytes: Buffer; ends: number[] } {
  let size = 0;
  for (const line of lines) size += Buffer.byteLength(line) + 1;
  const bytes = Buffer.allocUnsafeSlow(size);
  return { bytes, ends: writeLines(lines, bytes) };
}

/** Writes the lines, each with its newline, from the start of `into` (large enough); where each ends. */
function writeLines(lines: readonly string[], into: Buffer): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const line of lines) {
    at += into.write(line, at);
    into[at++] = 0x0a;
    ends.push(at);
  }
  return ends;
}
