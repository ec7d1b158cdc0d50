// The document's own date, only from evidence that states it: the dump's `date`, the HTML page's
// metadata (article:published_time, JSON-LD datePublished, <time datetime>), a date glued as
// metadata ("date 2026-01-27", kept aside by chrome), a wire dateline ("Beijing, Jan 27 (PTI)"), a
// dated opening of the body, or a full date the text labels as its publication date
// ("Published: January 27, 2026", "Dodano: 29 grudnia 2011"). A date without a year takes its year
// only from one of those or from `--reference-date`, never from a date the body mentions: a story
// about next year's plans would otherwise be dated next year.
import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import type { HeaderSource } from '../../pipeline/core/document.ts';
import { type Day, formatDay, isValidDay, parseIsoDay } from './calendar.ts';
import type { Language } from './lexicon.ts';
import { findCandidates } from './recognize.ts';
import { selectCandidates } from './select.ts';

export interface DocumentDate {
  /** The document's date when known (ISO day), else null. */
  published: Day | null;
  /** Where it came from: `jsonl`, `metadata`, `dateline`, `text`. */
  source: HeaderSource | null;
}

/** How far into the body a dateline may open: "WASHINGTON, Jan. 27 (Reuters) -" fits easily. */
const DATELINE_REACH = 80;
/** How far into the body a labelled publication date may stand (a byline block under the headline). */
const LABEL_REACH = 600;

/** Before a dateline's date: nothing, or a place ("WASHINGTON,", "Beijing,"). */
const DATELINE_BEFORE = /^[\p{L}\s,.'’-]{0,40}$/u;
/** After it: an agency in brackets, a dash, a colon, or the end of the line. */
const DATELINE_AFTER = /^\s*(?:[([]|[-–—:|/]|$)/u;

const labelData = JSON.parse(readFileSync(new URL('./data/published-labels.json', import.meta.url), 'utf8')) as { labels: Record<string, string[]> };
const LABELS: string[] = [...new Set(Object.values(labelData.labels).flat())].sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A label, then at most a colon, "on"/"am"/"le"... (a short word) and spaces before the date.
const LABELLED = new RegExp(`(?<![\\p{L}])(?:${LABELS.map(escape).join('|')})\\s{0,2}[:：]?\\s{0,3}(?:\\p{L}{1,3}\\s{1,2})?`, 'giu');

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

/** A full date (with its year) that the opening of the text labels as its publication date. */
export function labelledDate(body: string, langs: Language[]): Day | null {
  const head = body.slice(0, LABEL_REACH);
  for (const m of head.matchAll(LABELLED)) {
    const after = head.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40);
    const { candidates } = findCandidates(after, langs);
    const first = selectCandidates(candidates)[0];
    if (!first || first.start > 2) continue;
    const d = first.meaning;
    if (d.kind === 'calendar' && d.year !== undefined && d.month !== undefined && d.day !== undefined && isValidDay(d.year, d.month, d.day)) {
      return { year: d.year, month: d.month, day: d.day };
    }
  }
  return null;
}

export function documentDate(file: VFile, body: string, langs: Language[]): DocumentDate {
  const hint = parseIsoDay(file.data.dateHint);
  if (hint) return { published: hint, source: 'jsonl' };
  const page = parseIsoDay(file.data.page?.published);
  if (page) return { published: page, source: 'metadata' };
  const stated = labelledDate(body, langs);
  // A date without a year borrows it only from a date stated as the document's, or the reference date.
  const contextYear = stated?.year ?? parseIsoDay(file.data.referenceDate)?.year ?? null;
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
    if (d) return { published: d, source: 'dateline' };
  }
  if (stated) return { published: stated, source: 'text' };
  return { published: null, source: null };
}

export { formatDay };
