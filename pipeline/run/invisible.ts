// How a stage file shows a decision's text: every character a reader cannot see (controls, format
// characters, every space but U+0020) written as `<U+XXXX>`, so that a line shows what changed.

// Controls, format characters and every space but U+0020: a reader of a decision cannot see them.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;
// The same class for one UTF-16 code unit alone (to build the table below).
const INVISIBLE_UNIT = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]$/u;

/**
 * Per UTF-16 code unit, 1 when a text holding it may hold an invisible character: the units the
 * class matches, and every surrogate (format characters past U+FFFF, e.g. U+E0001, are pairs).
 * Built from the class itself (about 8 ms, on first use), so the two cannot disagree.
 */
let mayHide: Uint8Array | null = null;

function mayHideTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const surrogate = unit >= 0xd800 && unit <= 0xdfff;
    table[unit] = surrogate || INVISIBLE_UNIT.test(String.fromCharCode(unit)) ? 1 : 0;
  }
  return table;
}

/** Whether the text may hold an invisible character (false: it holds none). */
function mayHoldInvisible(text: string): boolean {
  const table = (mayHide ??= mayHideTable());
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] === 1) return true;
  return false;
}

/**
 * The text with each invisible character written as `<U+XXXX>`. Most decisions' texts hold none
 * (about one in nine on the bench slice): a scan of their code units through a table first is
 * about 40 % of what the replace costs on them (on the 10 MB slice's 138,000 decision texts,
 * 17-34 CPU ms against 49-89, medians about 20 and 52), and only the texts it flags go through
 * the regular expression.
 */
export function showInvisible(text: string): string {
  if (!mayHoldInvisible(text)) return text;
  return text.replace(INVISIBLE, (ch) => `<U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** For tests: whether the table flags this UTF-16 code unit. */
export function flagsUnit(unit: number): boolean {
  return mayHoldInvisible(String.fromCharCode(unit));
}
