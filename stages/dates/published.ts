// The document's own date, from the best evidence available: the dump's `date`, a date glued as
// metadata ("date 2026-01-27", kept aside by chrome), a wire dateline ("Beijing, Jan 27 (PTI)"),
// or a dateline-like opening of the body when chrome did not run.
import type { VFile } from 'vfile';
import { type Day, formatDay, isValidDay, parseIsoDay } from './calendar.ts';
import type { Language } from './lexicon.ts';
import { findCandidates } from './recognize.ts';
import { selectCandidates } from './select.ts';

export interface DocumentDate {
  /** The document's date when known (ISO day), else null. */
  published: Day | null;
  /** Where it came from: dateHint, metadata, dateline, first-line. */
  source: string | null;
}

/** How far into the body a dateline may open: "WASHINGTON, Jan. 27 (Reuters) -" fits easily. */
const DATELINE_REACH = 80;

/** Before a dateline's date: nothing, or a place ("WASHINGTON,", "Beijing,"). */
const DATELINE_BEFORE = /^[\p{L}\s,.'’-]{0,40}$/u;
/** After it: an agency in brackets, a dash, a colon, or the end of the line. */
const DATELINE_AFTER = /^\s*(?:[([]|[-–—:|/]|$)/u;

/**
 * A full day read from a short text; the year from `fallbackYear` when the text has none.
 * With `datelineOnly`, only a date placed as a dateline's is taken ("PARIS, Jan 27 (AFP) -").
 */
export function dayFromText(text: string, langs: Language[], fallbackYear: number | null, datelineOnly = false): Day | null {
  const direct = parseIsoDay(text);
  if (direct) return direct;
  const { candidates } = findCandidates(text, langs);
  for (const c of selectCandidates(candidates)) {
    // An ISO date needs only a label before it ("date 2026-01-27 Beijing, ..."): it cannot be a
    // sentence's date read by mistake the way "Jan 27" in a first sentence could.
    const placed = DATELINE_BEFORE.test(text.slice(0, c.start)) && (c.rule === 'iso' || DATELINE_AFTER.test(text.slice(c.end)));
    if (datelineOnly && !placed) continue;
    const m = c.meaning;
    if (m.kind !== 'calendar' || m.month === undefined || m.day === undefined) continue;
    const year = m.year ?? fallbackYear;
    if (year !== null && year !== undefined && isValidDay(year, m.month, m.day)) return { year, month: m.month, day: m.day };
  }
  return null;
}

/**
 * The year a dateline without one borrows from its body: the year the body names most often (the
 * latest on a tie), since a story names its own year more than any historical one.
 */
function yearInText(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<!\d)(19\d\d|20\d\d)(?!\d)/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = n;
    }
  }
  return best;
}

export function documentDate(file: VFile, body: string, langs: Language[]): DocumentDate {
  const hint = parseIsoDay(file.data.dateHint);
  if (hint) return { published: hint, source: 'dateHint' };
  const reference = parseIsoDay(file.data.referenceDate);
  const contextYear = reference?.year ?? yearInText(body);
  const glued = file.data.metadata?.date;
  if (glued) {
    const d = dayFromText(glued, langs, contextYear);
    if (d) return { published: d, source: 'metadata' };
  }
  const dateline = file.data.dateline?.text;
  if (dateline) {
    const d = dayFromText(dateline, langs, contextYear);
    if (d) return { published: d, source: 'dateline' };
  } else {
    // Without chrome, look at the opening of the body ourselves; only a date near the start counts.
    const opening = body.slice(0, DATELINE_REACH).split('\n')[0] ?? '';
    const d = dayFromText(opening, langs, contextYear, true);
    if (d) return { published: d, source: 'first-line' };
  }
  return { published: null, source: null };
}

export { formatDay };
