// HTML character references left in text ("d&eacute;j&agrave;", "&#8217;", "&#151;"), decoded by
// the HTML5 rules (the `entities` package), so "&#151;" is the em dash a browser shows, not a C1
// control. Only complete references ending in ";" are read: "AT&T" and "L&L" stay as they are.
import { decodeHTMLStrict } from 'entities';
import type { Edit } from './edits.ts';

const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

export function entityEdits(text: string): Edit[] {
  if (!text.includes('&')) return [];
  const edits: Edit[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const to = decodeHTMLStrict(m[0]);
    if (to !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, to, rule: 'entity' });
  }
  return edits;
}
