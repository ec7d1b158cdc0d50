// Places in the document's own text. A stage places its decisions in the text it received (the
// blocks joined by a blank line: what its stage line's `input` holds, see offsets.ts); once the
// stage is done, each such place is moved to where that text came from in the document (the
// file's value), with real lines and columns, so that `vfile-reporter` points at the document's
// own lines. The offsets in the stage's input stay on the message as `inputSpan`.
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { PointFinder, type Root } from './document.ts';
import { blockSourceSpan, inputSourceOffset, type StageInput } from './offsets.ts';

declare module 'vfile-message' {
  interface VFileMessage {
    /** Where the decision lay in the text its stage received (offsets; see offsets.ts). */
    inputSpan?: { start: number; end: number };
  }
}

const finders = new WeakMap<VFile, PointFinder>();

/** The file's point finder, made once per document. */
function pointsOf(file: VFile): PointFinder {
  let finder = finders.get(file);
  if (!finder) {
    finder = new PointFinder(String(file.value ?? ''));
    finders.set(file, finder);
  }
  return finder;
}

/** Moves the places of the messages from index `from` on, placed in the stage's input, to the document. */
export function placeInDocument(file: VFile, from: number, input: StageInput): void {
  for (let i = from; i < file.messages.length; i++) {
    const message = file.messages[i] as VFileMessage;
    const place = message.place;
    if (!place || !('start' in place) || place.start.offset === undefined || place.end.offset === undefined) continue;
    message.inputSpan = { start: place.start.offset, end: place.end.offset };
    const start = inputSourceOffset(input, place.start.offset);
    const end = inputSourceOffset(input, place.end.offset, true);
    // A place in a block made without a trace of its origin is nowhere in the document: none rather than a wrong one.
    setPlace(message, start === undefined || end === undefined ? undefined : pointsOf(file).span(start, Math.max(start, end)));
  }
}

/** The place, and the fields vfile-message derives from it (`line`, `column`, `name`: `3:1-3:9`). */
function setPlace(message: VFileMessage, place: Position | undefined): void {
  message.place = place;
  message.line = place?.start.line;
  message.column = place?.start.column;
  message.name = place ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` : '1:1';
}

/** Gives each block made during a stage (the blocks stage's splits) its position in the document, when it can be traced. */
export function positionBlocks(tree: Root, file: VFile): void {
  let points: PointFinder | null = null;
  for (const block of tree.children) {
    if (block.position) continue;
    const span = blockSourceSpan(block);
    if (span) block.position = (points ??= pointsOf(file)).span(span.start, span.end);
  }
}
