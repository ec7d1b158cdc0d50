// Test documents written with their people marked: "[Emmanuel Macron](macron) said ...". Each
// bracketed span is a mention of the person whose id follows it; the text is the document
// without the marks, and every mention's offsets index it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface MarkedMention {
  start: number;
  end: number;
  text: string;
  person: string;
}

export interface MarkedDocument {
  id: string;
  text: string;
  mentions: MarkedMention[];
}

const MARK = /\[([^\]]+)\]\(([^)]+)\)/g;

export function unmark(id: string, marked: string): MarkedDocument {
  let text = '';
  let last = 0;
  const mentions: MarkedMention[] = [];
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    const surface = m[1] as string;
    mentions.push({ start: text.length, end: text.length + surface.length, text: surface, person: m[2] as string });
    text += surface;
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  return { id, text, mentions };
}

/** The documents of a file of this folder (one JSON object a line: `{id, marked}`). */
export function readMarked(file: string): MarkedDocument[] {
  return readFileSync(path.join(import.meta.dirname, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; marked: string })
    .map((d) => unmark(d.id, d.marked));
}
