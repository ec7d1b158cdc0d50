// Learning windows: runs of consecutive documents that the batch learners (chrome's site templates,
// the names stage's full Latin names) learn from together, so that the input is read once.
import type { BatchLearner, StageLearning } from '../core/stage.ts';
import { bodyOf } from './process.ts';
import type { InputDocument } from './read.ts';

/**
 * Documents read ahead and learned from together by the stages that learn from the batch: the
 * input is read once. A window ends at this many documents or this much text, and two are held at
 * a time (the one going out, the next being learned).
 */
export const LEARNING_WINDOW: { documents: number; bytes: number } = { documents: 1000, bytes: 32 * 1024 * 1024 };

/**
 * The documents as they are read, each with what the batch learners learned from its window (a
 * run of consecutive documents of one part of the input). Windows depend only on the input, so
 * every shard and every resumed run learns the same for the same document.
 *
 * The first window is learned whole before its first document goes out; after that, each
 * document handed out lets one document of the next window be read and learned, so that learning
 * is spread over the run instead of stopping it (workers idle) once a window.
 */
export async function* learnInWindows(documents: AsyncGenerator<InputDocument>, stages: StageLearning[]): AsyncGenerator<InputDocument> {
  const learning = stages.filter((s) => s.createLearner !== undefined);
  if (learning.length === 0) {
    yield* documents;
    return;
  }
  let ready: InputDocument[] = [];
  let next = 0;
  let window = new Window(learning);
  for await (const doc of documents) {
    window.add(doc);
    if (next < ready.length) yield ready[next++] as InputDocument;
    if (!window.full()) continue;
    while (next < ready.length) yield ready[next++] as InputDocument;
    ready = window.learned();
    next = 0;
    window = new Window(learning);
  }
  while (next < ready.length) yield ready[next++] as InputDocument;
  yield* window.learned();
}

/** One learning window: its documents as read (HTML pages turned into text) and the learners fed so far. */
class Window {
  private readonly documents: InputDocument[] = [];
  private bytes = 0;
  private readonly learners: { stage: StageLearning; learner: BatchLearner }[];

  constructor(stages: StageLearning[]) {
    this.learners = stages.map((stage) => ({ stage, learner: (stage.createLearner as () => BatchLearner)() }));
  }

  add(input: InputDocument): void {
    let doc = input;
    if (doc.error === null && doc.text === null) {
      // An HTML page is turned into text once, here, not again when it is processed.
      const body = bodyOf(doc);
      if ('text' in body) doc = { ...doc, text: body.text, html: null, ...(body.page ? { page: body.page } : {}) };
    }
    this.documents.push(doc);
    this.bytes += (input.text?.length ?? 0) + (input.html?.length ?? 0);
    if (doc.text !== null && doc.error === null) for (const { learner } of this.learners) learner.add({ id: doc.id, text: doc.text, url: doc.source.url });
  }

  full(): boolean {
    return this.documents.length >= LEARNING_WINDOW.documents || this.bytes >= LEARNING_WINDOW.bytes;
  }

  /** The window's documents, each with what it needs of the learners' results. */
  learned(): InputDocument[] {
    const results = this.learners.map(({ stage, learner }) => ({ stage, result: learner.result() }));
    return this.documents.map((doc) => {
      const learned: Record<string, unknown> = {};
      for (const { stage, result } of results) {
        const mine = stage.learnedFor ? stage.learnedFor(result, { url: doc.source.url }) : result;
        if (mine !== null && mine !== undefined) learned[stage.name] = mine;
      }
      return Object.keys(learned).length > 0 ? { ...doc, learned } : doc;
    });
  }
}
