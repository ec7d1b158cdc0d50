// `newsnorm inspect OUT ID`: one document's path through the stages, in the terminal. Colour on a
// terminal (NO_COLOR turns it off), plain text when piped.
import { readRun, type Decision, type RunDocument, stageInputs } from './read.ts';

export interface InspectOptions {
  colour: boolean;
  /** Longest excerpt of a removed or repaired piece, in characters. */
  width?: number;
}

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39] } as const;
type Style = keyof typeof CODES;

/** Finds the document by id (or by its place in the run, `#N` from 1); null when the run has none. */
export async function findDocument(out: string, id: string): Promise<RunDocument | null> {
  const position = /^#(\d+)$/.exec(id);
  for await (const doc of readRun(out)) {
    if (position ? doc.index + 1 === Number(position[1]) : doc.record.id === id) return doc;
  }
  return null;
}

export function formatDocument(doc: RunDocument, options: InspectOptions): string {
  const paint = (style: Style, text: string) => (options.colour ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const width = options.width ?? 100;
  const short = (text: string) => {
    const flat = text.replace(/\s+/g, ' ');
    return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
  };
  const r = doc.record;
  const out: string[] = [];
  out.push(`${paint('bold', r.id)}  ${r.source?.path ?? ''}${r.source?.url ? `  ${r.source.url}` : ''}`);
  out.push(`lang ${r.lang}  title ${r.title === null ? '-' : JSON.stringify(r.title)}  published ${r.published ?? '-'}`);
  if (r.error) out.push(paint('red', `failed in ${r.error.stage}: ${r.error.message}`));
  const inputs = stageInputs(doc);
  doc.stages.forEach((s, i) => {
    const chars = inputs[i] === null ? '' : `  (${(inputs[i] as string).length} characters in)`;
    out.push('', paint('cyan', `── ${String(i + 1).padStart(2, '0')} ${s.name}${chars}`));
    if (s.line.skipped) out.push(paint('dim', `   skipped: ${s.line.skipped}`));
    if (s.line.error) out.push(paint('red', `   failed: ${s.line.error}`));
    for (const line of stageFacts(s.name, s.line, short)) out.push(`   ${line}`);
    for (const d of s.line.decisions ?? []) out.push(`   ${decisionLine(d, paint, short)}`);
  });
  if (doc.stages.length === 0) out.push('', paint('dim', '(no stage files in this folder: the run was made with --no-stage-files, or with no stage)'));
  out.push('', paint('cyan', '── record'));
  for (const p of r.people ?? []) out.push(`   ${paint('magenta', 'person')} ${p.name}  (${p.mentions.length} mention${p.mentions.length === 1 ? '' : 's'}${p.aliases.length > 0 ? `; also ${p.aliases.join(', ')}` : ''})`);
  for (const d of r.dates ?? []) out.push(`   ${paint('green', 'date')} ${JSON.stringify(d.text)} ${d.type} ${d.value}  @${d.start}`);
  out.push(`   text: ${(r.text ?? '').length} characters in ${(r.blocks ?? []).length} blocks; ${(r.removed ?? []).length} pieces removed, ${(r.repairs ?? []).length} repairs`);
  return `${out.join('\n')}\n`;
}

function decisionLine(d: Decision, paint: (s: Style, t: string) => string, short: (t: string) => string): string {
  const at = d.start === undefined ? '' : paint('dim', ` @${d.start}-${d.end}`);
  if (d.action === 'remove') return `${paint('red', '- removed')} ${paint('bold', d.rule ?? '')}${at}  ${short(d.text)}`;
  if (d.action === 'repair') return `${paint('yellow', '~ repaired')} ${paint('bold', d.rule ?? '')}${at}  ${short(d.text)} → ${short(d.to ?? '')}`;
  return `${paint('blue', '· note')} ${paint('bold', d.rule ?? '')}${at}  ${short(d.note ?? d.text)}`;
}

/** What a stage produced besides its decisions, in a line or a few. */
function stageFacts(name: string, line: Record<string, unknown>, short: (t: string) => string): string[] {
  const facts: string[] = [];
  if (name === 'blocks' && Array.isArray(line.blockList)) facts.push(`${line.blockList.length} blocks, ${(line.headings as unknown[] | undefined)?.length ?? 0} headings`);
  if (name === 'language' && Array.isArray(line.blocks)) {
    facts.push(`document ${line.lang} (${Number(line.confidence).toFixed(2)})`);
    for (const b of line.blocks as { lang: string; confidence: number; excerpt?: string }[]) {
      if (b.lang !== line.lang) facts.push(`block ${b.lang} (${b.confidence.toFixed(2)}): ${short(b.excerpt ?? '')}`);
    }
  }
  if (name === 'chrome') {
    for (const key of ['title', 'publisher'] as const) if (line[key]) facts.push(`${key}: ${short(String(line[key]))}`);
    const dateline = line.dateline as { text: string } | null | undefined;
    if (dateline) facts.push(`dateline: ${dateline.text}`);
  }
  if (name === 'names' && Array.isArray(line.people)) {
    for (const p of line.people as { name: string; mentions: number }[]) facts.push(`person ${p.name} (${p.mentions})`);
  }
  if (name === 'dates') {
    facts.push(`published ${line.published ?? '-'}${line.publishedFrom ? ` (from ${line.publishedFrom})` : ''}; ${line.dates ?? 0} dates`);
  }
  return facts;
}
