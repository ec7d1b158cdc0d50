// Reads a CoNLL-2002/2003 file (one token a line, the entity tag last; blank line between
// sentences; -DOCSTART- between English documents) into documents of plain text with entity
// spans, the text written the way news is (no space before a comma, "England's"), so the tagger
// learns on the tokens it will meet, made by the stage's own tokenizer.
import { readFileSync } from 'node:fs';

export interface EntitySpan {
  type: string;
  start: number;
  end: number;
}

export interface ConllDocument {
  /** One sentence a line. */
  text: string;
  entities: EntitySpan[];
}

interface ConllSentence {
  words: string[];
  tags: string[];
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', ')', ']', '}', '?', '!', '%', "'s", "'S", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '¿', '¡']);

function readSentences(file: string): { sentence: ConllSentence; docStart: boolean }[] {
  const out: { sentence: ConllSentence; docStart: boolean }[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  let docStart = false;
  const flush = () => {
    if (words.length === 0) return;
    out.push({ sentence: { words, tags }, docStart });
    docStart = false;
    words = [];
    tags = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.trim().split(' ');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (cols[0] === '-DOCSTART-') {
      flush();
      docStart = true;
      continue;
    }
    words.push(cols[0] as string);
    tags.push(cols.at(-1) as string);
  }
  flush();
  return out;
}

/** Writes a sentence as text; returns it and its entity spans (IOB1 or IOB2 tags). */
function detokenize(s: ConllSentence, offset: number): { text: string; entities: EntitySpan[] } {
  let text = '';
  let quoteOpen = false;
  const entities: EntitySpan[] = [];
  let open: EntitySpan | null = null;
  let glue = true;
  s.words.forEach((w, i) => {
    let space = !glue && !NO_SPACE_BEFORE.has(w);
    if (w === '"') {
      space = quoteOpen ? false : !glue;
      quoteOpen = !quoteOpen;
    }
    if (space) text += ' ';
    const start = offset + text.length;
    text += w;
    glue = NO_SPACE_AFTER.has(w) || (w === '"' && quoteOpen);
    const tag = s.tags[i] as string;
    const type = tag === 'O' ? null : tag.slice(2);
    if (open !== null && (type !== open.type || tag.startsWith('B-'))) {
      entities.push(open);
      open = null;
    }
    if (type !== null) {
      if (open === null) open = { type, start, end: start + w.length };
      else open.end = start + w.length;
    }
  });
  if (open !== null) entities.push(open);
  return { text, entities };
}

// The Spanish file has no document marks; each EFE story opens with its dateline
// ("Melbourne (Australia), 25 may (EFE).").
const DATELINE = /\( EFE[A-Z]* \)/;

export function readConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let current: ConllDocument | null = null;
  for (const { sentence, docStart } of readSentences(file)) {
    const dateline = sentence.words.length < 25 && DATELINE.test(sentence.words.join(' '));
    if (current === null || docStart || dateline) {
      if (current !== null && current.text.length > 0) docs.push(current);
      current = { text: '', entities: [] };
    }
    if (current.text.length > 0) current.text += '\n';
    const { text, entities } = detokenize(sentence, current.text.length);
    current.text += text;
    current.entities.push(...entities);
  }
  if (current !== null && current.text.length > 0) docs.push(current);
  return docs;
}
