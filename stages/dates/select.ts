// Settles overlapping candidates: the longest wins, and text around a reported problem gives none.
import type { Candidate, Problem } from './recognize.ts';

/**
 * Keeps the longest of overlapping candidates (the earlier one on a tie). Text around which a
 * problem was reported ("31 February") gives no date at all: a part of it would be a wrong one.
 * Coverage is kept as a mask over the text, so the choice is linear in the candidates' lengths.
 */
export function selectCandidates(candidates: Candidate[], problems: Problem[] = []): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  let size = 0;
  for (const c of candidates) size = Math.max(size, c.end);
  for (const p of problems) size = Math.max(size, p.end);
  const taken = new Uint8Array(size);
  for (const p of problems) taken.fill(1, p.start, p.end);
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
