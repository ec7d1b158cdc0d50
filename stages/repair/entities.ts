// HTML character references left in text ("d&eacute;j&agrave;", "&#8217;", "&#151;"), decoded by
// the HTML5 rules (the `entities` package), so "&#151;" is the em dash a browser shows, not a C1
// control. Named references are read only when complete, with their ";", so "AT&T" and "L&L"
// stay as they are; numeric ones also without it ("l&#8217s"), as browsers read them. A reference
// escaped twice ("&amp;eacute;", from a dump that escaped its HTML once more) is decoded through.
import { decodeHTMLStrict } from 'entities';
import type { Edit } from './edits.ts';

const REFERENCE = /&(?:amp;)?(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)/g;

export function entityEdits(text: string): Edit[] {
  if (!text.includes('&')) return [];
  const edits: Edit[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const twice = m[0].startsWith('&amp;') && m[0].length > 5;
    const reference = twice ? `&${m[0].slice(5)}` : m[0];
    const withSemicolon = reference.endsWith(';') ? reference : `${reference};`;
    const to = decodeHTMLStrict(withSemicolon);
    if (to === withSemicolon) {
      // Not a reference: "&amp;" alone still is one.
      if (twice) edits.push({ start: m.index, end: m.index + 5, to: '&', rule: 'entity' });
      continue;
    }
    edits.push({ start: m.index, end: m.index + m[0].length, to, rule: 'entity' });
  }
  return edits;
}
