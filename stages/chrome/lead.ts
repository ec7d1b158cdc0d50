// What a story's first paragraph may open with: a wire dateline ("Beijing, Jan 27 (PTI)",
// "WASHINGTON (Reuters) -", "CINCINNATI -") or a publisher prefix ("NextFin News - "). Both stay
// in the text (they are part of the story as published) and are recorded on the document so that
// the dates stage can read the date a dateline carries. Patterns are anchored at the start and
// bounded in length.
import { wire } from './patterns.ts';

/** A wire dateline found at the start of the body ("Beijing, Jan 27 (PTI)"). */
export interface Dateline {
  text: string;
  place: string | null;
  agency: string | null;
}

const agencies = new Set(wire.agencies.map((a) => a.toLowerCase()));
const publisherWords = new Set(wire.publisherWords);

// Place, date, (AGENCY): "Beijing, Jan 27 (PTI) " / "NEW DELHI, 27 January (IANS) - ".
const PLACE_DATE_AGENCY = /^(\p{Lu}[\p{L}.'’ -]{1,40}?),\s{1,3}([\p{L}.]{3,12}\s{1,3}\d{1,2}|\d{1,2}\s{1,3}[\p{L}.]{3,12})(?:,?\s{1,3}\d{4})?\s{0,3}\((\p{L}[\p{L}-]{1,15})\)\s{0,3}(?:[-–—:]\s{0,3})?/u;
// Place, optional (AGENCY), then a dash: "WASHINGTON (Reuters) - ", "CINCINNATI - ", and the
// underscore old AP copy used for a dash: "NAIROBI, Kenya (AP) _".
const PLACE_DASH = /^(\p{Lu}[\p{Lu}.'’ -]{1,30}?)(?:,\s{1,3}[\p{L}. ]{2,30}?)?\s{0,3}(?:\((\p{L}[\p{L}-]{1,15})\))?\s{1,3}[-–—_]{1,2}(?:\s{1,3}|$)/u;
// Agency alone: "(Reuters) — ".
const AGENCY_ONLY = /^\((\p{L}[\p{L}-]{1,15})\)\s{0,3}[-–—:]\s{0,3}/u;
// A capitalised name of one to four words, then a dash: "NextFin News - ".
const PUBLISHER = /^((?:\p{Lu}[\p{L}\p{N}.&'’]{0,30})(?:\s(?:\p{Lu}[\p{L}\p{N}.&'’]{0,30})){0,3})\s{1,3}[-–—|]\s{1,3}/u;

export interface Lead {
  dateline: Dateline | null;
  publisher: string | null;
  /** Where the publisher prefix ends ("NextFin News - " and its spaces); 0 without one. */
  publisherEnd: number;
}

/** The dateline and publisher prefix a paragraph opens with, if any. */
export function readLead(paragraph: string): Lead {
  const head = paragraph.slice(0, 160);
  let m = PLACE_DATE_AGENCY.exec(head);
  if (m) return { dateline: { text: m[0].trim(), place: (m[1] as string).trim(), agency: m[3] ?? null }, publisher: null, publisherEnd: 0 };
  m = AGENCY_ONLY.exec(head);
  if (m && agencies.has((m[1] as string).toLowerCase())) return { dateline: { text: m[0].trim(), place: null, agency: m[1] as string }, publisher: null, publisherEnd: 0 };
  m = PLACE_DASH.exec(head);
  // An all-capitals place, or any place followed by a known agency.
  if (m && (m[2] !== undefined || isAllCaps(m[1] as string)) && (m[1] as string).trim().length >= 3) {
    return { dateline: { text: m[0].trim(), place: (m[1] as string).trim(), agency: m[2] ?? null }, publisher: null, publisherEnd: 0 };
  }
  m = PUBLISHER.exec(head);
  if (m) {
    const name = (m[1] as string).trim();
    const words = name.toLowerCase().split(/\s+/);
    if (agencies.has(name.toLowerCase()) || words.some((w) => publisherWords.has(w))) return { dateline: null, publisher: name, publisherEnd: m[0].length };
  }
  return { dateline: null, publisher: null, publisherEnd: 0 };
}

const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

function isAllCaps(text: string): boolean {
  return HAS_UPPER.test(text) && !HAS_LOWER.test(text);
}
