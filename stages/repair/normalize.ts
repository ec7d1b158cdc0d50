// Unicode normalisation to NFC: "e" + combining acute becomes "é", as every later stage and every
// reader expects. Each composed character is its own repair; what cannot be told apart that way
// (Hangul jamo) is repaired as one span.
import { diffEdit, type Edit } from './edits.ts';

const CLUSTER = /[^\p{M}][\p{M}]+|[\u1100-\u11ff\u3131-\u318e\uf900-\ufaff\u2000-\u2fff]/gsu;

export function nfcEdits(text: string): Edit[] {
  const whole = text.normalize('NFC');
  if (whole === text) return [];
  const edits: Edit[] = [];
  let rebuilt = '';
  let last = 0;
  for (const m of text.matchAll(CLUSTER)) {
    const nfc = m[0].normalize('NFC');
    if (nfc === m[0]) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, to: nfc, rule: 'nfc' });
    rebuilt += text.slice(last, m.index) + nfc;
    last = m.index + m[0].length;
  }
  rebuilt += text.slice(last);
  if (rebuilt === whole) return edits;
  const all = diffEdit(text, whole, 'nfc');
  return all === null ? [] : [all];
}
