// Whether a rule's pattern can never match. A language without some table (the language-neutral
// rules, the languages with CLDR month names only) builds that table's alternation as `(?!)`,
// which fails everywhere; a rule that needs it still scans every character of every run. Such
// rules are left out when a language's rules are compiled. The reading is conservative: a
// pattern is called impossible only when every way through it passes a mandatory `(?!)` (an
// empty negative lookahead or lookbehind); any construct it does not understand counts as possible.

interface Parsed {
  impossible: boolean;
  /** Index just past what was read. */
  end: number;
}

/** True when `source` (a RegExp source) provably matches nothing. */
export function neverMatches(source: string): boolean {
  const parsed = alternatives(source, 0);
  // A stray ")" or anything unread: say nothing.
  return parsed.end === source.length && parsed.impossible;
}

/** Branches separated by "|", up to a ")" or the end: impossible when every branch is. */
function alternatives(source: string, start: number): Parsed {
  let i = start;
  let all = true;
  for (;;) {
    const branch = sequence(source, i);
    all &&= branch.impossible;
    i = branch.end;
    if (source[i] !== '|') return { impossible: all, end: i };
    i++;
  }
}

/** Elements one after another: impossible when one that must occur at least once is. */
function sequence(source: string, start: number): Parsed {
  let i = start;
  let impossible = false;
  while (i < source.length && source[i] !== '|' && source[i] !== ')') {
    const element = atom(source, i);
    const quantified = quantifier(source, element.end);
    if (element.impossible && quantified.min > 0) impossible = true;
    i = quantified.end;
  }
  return { impossible, end: i };
}

/** One element: an escape, a character class, a group, or a single character. */
function atom(source: string, i: number): Parsed {
  const ch = source[i];
  if (ch === '\\') {
    const next = source[i + 1];
    // \p{…}, \P{…}, \u{…} and \k<…> run to their closing bracket.
    if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') return { impossible: false, end: source.indexOf('}', i) + 1 || source.length };
    if (next === 'k' && source[i + 2] === '<') return { impossible: false, end: source.indexOf('>', i) + 1 || source.length };
    return { impossible: false, end: i + 2 };
  }
  if (ch === '[') {
    let j = i + 1;
    while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
    return { impossible: false, end: j + 1 };
  }
  if (ch === '(') return group(source, i);
  return { impossible: false, end: i + 1 };
}

/** A group: impossible when its content is, or when it is an empty negative look-around (`(?!)`, `(?<!)`). */
function group(source: string, i: number): Parsed {
  let j = i + 1;
  let negative = false;
  if (source[j] === '?') {
    const head = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(j, j + 40));
    if (!head) return { impossible: false, end: source.length };
    negative = head[0] === '?!' || head[0] === '?<!';
    j += head[0].length;
  }
  const inner = alternatives(source, j);
  if (source[inner.end] !== ')') return { impossible: false, end: source.length };
  const end = inner.end + 1;
  if (negative) return { impossible: inner.end === j, end };
  return { impossible: inner.impossible, end };
}

/** The quantifier after an element, if any, and the least number of times it asks for. */
function quantifier(source: string, i: number): { min: number; end: number } {
  const ch = source[i];
  let min = 1;
  let end = i;
  if (ch === '*' || ch === '?') [min, end] = [0, i + 1];
  else if (ch === '+') [min, end] = [1, i + 1];
  else if (ch === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i, i + 24));
    if (m) [min, end] = [Number(m[1]), i + m[0].length];
  }
  if (end > i && source[end] === '?') end++;
  return { min, end };
}
