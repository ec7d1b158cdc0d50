// Pieces of chrome inside a block: image file names (alone or glued to a sentence), wire-service
// tails ("PTI KJV ZH ZH"), metadata fields glued to the text (" date 2026-01-27 "), and blocks that
// are only a URL or a site name. Every pattern is anchored or starts at a word boundary and is
// bounded, so it runs in linear time on a 1 MB line without breaks.
import { readFileSync } from 'node:fs';

interface WireTable {
  agencies: string[];
  publisherWords: string[];
  metadataKeys: string[];
}

export const wire = JSON.parse(readFileSync(new URL('./data/wire.json', import.meta.url), 'utf8')) as WireTable;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const agencyAlternation = [...wire.agencies].sort((a, b) => b.length - a.length).map(escape).join('|');

export interface Span {
  start: number;
  end: number;
}

const IMAGE_EXT = '(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic|avif)';
// A file name (no dots inside: "framework.3_621.JPG" gives "3_621.JPG"), or a URL ending in one.
const IMAGE_TOKEN = new RegExp(
  `(?:https?:\\/\\/[^\\s/]{1,200}(?:\\/[^\\s/]{0,200}){0,20}\\/|(?<![\\p{L}\\p{N}_%\\-\\/]))[\\p{L}\\p{N}_%\\-]{1,200}\\.${IMAGE_EXT}(?:\\?[^\\s]{0,200})?(?![\\p{L}\\p{N}])`,
  'giu',
);

// What every image token holds (with the same flags, so "ſvg" counts as "svg" here too): most
// blocks have none, and testing for it costs far less than the full pattern's lookbehind at
// every position.
const IMAGE_EXTENSION = new RegExp(`\\.${IMAGE_EXT}`, 'iu');

/** Image file names and image URLs in a block. */
export function imageTokens(text: string): Span[] {
  const spans: Span[] = [];
  if (!IMAGE_EXTENSION.test(text)) return spans;
  for (const m of text.matchAll(IMAGE_TOKEN)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

// Agency code then one to six groups of editors' initials, at the very end of a block.
const WIRE_TAIL = new RegExp(`(?:^|\\s)(?:${agencyAlternation})(?:\\s+\\p{Lu}{1,4}){1,6}\\s*$`, 'u');

/** The wire-service tail at the end of a block ("PTI KJV ZH ZH"), with the space before it. */
export function wireTail(text: string): Span | null {
  // Only the last 80 characters can hold a tail: the regex never walks a long block.
  const offset = Math.max(0, text.length - 80);
  const m = WIRE_TAIL.exec(text.slice(offset));
  if (!m) return null;
  // A tail needs a sentence before it, or must be the whole block.
  const start = offset + m.index;
  return { start, end: text.length };
}

const METADATA = new RegExp(
  `(?:^|\\s)(${wire.metadataKeys.join('|')})\\s*[:=]?\\s*(\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?)(?=\\s|$)\\s?`,
  'giu',
);

/** What every glued metadata field holds: an ISO day (most blocks have none). */
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

/** Metadata fields glued to the text (" date 2026-01-27 "), with their key and value. */
export function gluedMetadata(text: string): (Span & { key: string; value: string })[] {
  const found: (Span & { key: string; value: string })[] = [];
  if (!ISO_DAY.test(text)) return found;
  for (const m of text.matchAll(METADATA)) {
    found.push({ start: m.index, end: m.index + m[0].length, key: (m[1] as string).toLowerCase(), value: m[2] as string });
  }
  return found;
}

const URL_ONLY = /^(?:(?:https?:\/\/)?(?:www\.)?[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,5}(?::\d{1,5})?(?:\/[^\s]{0,500})?|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5})$/u;
const TLD = /\.(?:[a-z]{2,6}|рф|укр|中国|香港)(?::\d+)?(?:\/|$)/iu;

/** A block that is nothing but a URL, a domain name or an e-mail address ("www.bankingnews.gr"). */
export function isSiteName(text: string): boolean {
  const t = text.trim();
  if (t.length > 600 || !URL_ONLY.test(t)) return false;
  // "3.5" or "U.S." are not domains: ask for a real top-level domain or a scheme.
  return /^https?:\/\//i.test(t) || /^www\./i.test(t) || t.includes('@') || TLD.test(t.replace(/^[^.]*/, ''));
}
