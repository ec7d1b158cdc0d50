// Stage `repair`: hands every later stage clean Unicode. It records how the reader decoded the
// document's bytes, then repairs each block in turn: HTML character references, mojibake,
// invisible characters, controls and odd spaces, Unicode normalisation (NFC), and look-alike
// letters from another script. Every change goes through `repairText`, so it is a vfile message
// and lands in the record's `repairs`.
import type { Plugin } from 'unified';
import { VFile } from 'vfile';
import { note as quietMessage, repairsOf, type Repair } from '../../pipeline/core/decisions.ts';
import { block as makeBlock, type Block, type Root } from '../../pipeline/core/document.ts';
import type { StageDefinition } from '../../pipeline/core/stage.ts';
import { alignedEdits, applyEdits, type Edit, STAGE } from './edits.ts';
import { entityEdits } from './entities.ts';
import { invisibleEdits } from './invisibles.ts';
import { lookalikeEdits } from './lookalikes.ts';
import { mayBeMojibake, repairMojibake } from './mojibake.ts';
import { nfcEdits } from './normalize.ts';

export interface RepairOptions {
  /** Decode HTML character references (default true). */
  entities?: boolean;
  /** Repair mojibake (default true). */
  mojibake?: boolean;
  /** Remove invisible characters and controls, normalise spaces (default true). */
  invisibles?: boolean;
  /** Normalise to NFC (default true). */
  nfc?: boolean;
  /** Replace look-alike letters from another script (default true). */
  lookalikes?: boolean;
}

export { repairMojibake } from './mojibake.ts';

/** Printable ASCII without "&": nothing to repair, the common case. */
const CLEAN = /^[\t\n\r\x20-\x25\x27-\x7e]*$/;

/** Mojibake repairs, line by line (a line is the unit a dump damages), one per garbled stretch. */
export function mojibakeEdits(text: string): Edit[] {
  if (!mayBeMojibake(text)) return [];
  const edits: Edit[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const edit of alignedEdits(line, repairMojibake(line), 'mojibake', offset)) edits.push(edit);
    offset += line.length + 1;
  }
  return edits;
}

/** Repairs one block in place, recording each change on `file`. */
export function repairBlock(target: Block, file: VFile, options: RepairOptions = {}): void {
  if (CLEAN.test(target.value)) return;
  if (options.entities !== false) applyEdits(target, file, entityEdits(target.value));
  if (options.mojibake !== false) applyEdits(target, file, mojibakeEdits(target.value));
  if (options.invisibles !== false) applyEdits(target, file, invisibleEdits(target.value));
  if (options.nfc !== false) applyEdits(target, file, nfcEdits(target.value));
  if (options.lookalikes !== false) applyEdits(target, file, lookalikeEdits(target.value));
}

/** The reader's decoding, as repairs of the whole document, and a warning for bytes it could not place. */
const lenient = new TextDecoder('utf-8');

export function recordDecoding(file: VFile): void {
  const encoding = file.data.encoding;
  if (typeof encoding === 'string' && encoding !== 'utf-8') {
    note(file, 'decode', `decoded from ${encoding}`, encoding, 'utf-8');
  }
  const invalid = file.data.invalidBytes ?? [];
  for (const bytes of invalid) {
    // The decoder puts one U+FFFD per maximal ill-formed part: as many as it put in the text.
    const replaced = lenient.decode(Uint8Array.from(bytes.split(' '), (h) => Number.parseInt(h, 16)));
    note(file, 'invalid-bytes', 'bytes no encoding could place, replaced', `<${bytes}>`, replaced);
  }
  if (invalid.length > 0) {
    file.message(`${invalid.length} byte sequence(s) could not be decoded and were replaced by U+FFFD`, {
      ruleId: 'invalid-bytes',
      source: STAGE,
    });
  }
}

function note(file: VFile, ruleId: string, reason: string, actual: string, to: string): void {
  const message = quietMessage(file, reason, { ruleId, source: STAGE });
  message.action = 'repair';
  message.actual = actual;
  message.expected = [to];
}

const repair: Plugin<[RepairOptions?], Root> = function repair(options = {}) {
  return (tree, file) => {
    recordDecoding(file);
    for (const child of tree.children) repairBlock(child, file, options);
  };
};

export default repair;
export { repair };

/** Plain function: a text repaired as one block, and the repairs made. */
export function repairString(text: string, options: RepairOptions = {}): { text: string; repairs: Repair[] } {
  const file = new VFile();
  const target = makeBlock('paragraph', text);
  repairBlock(target, file, options);
  return { text: target.value, repairs: repairsOf(file) };
}

export const repairStage: StageDefinition = {
  name: STAGE,
  plugin: repair,
  summarize: (_tree, file) => {
    const rules: Record<string, number> = {};
    for (const m of file.messages) {
      if (m.source !== STAGE || m.action !== 'repair') continue;
      const rule = m.ruleId ?? 'unknown';
      rules[rule] = (rules[rule] ?? 0) + 1;
    }
    return { encoding: file.data.encoding ?? null, repairs: rules };
  },
};
