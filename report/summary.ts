// The run summary of the report: what run.json counts, shown as it is, and what only the records
// tell (languages of documents and blocks, characters removed and repaired, people, dates).
import type { RunDocument } from './read.ts';

type Counts = Record<string, number>;

export interface RunFigures {
  documents: number;
  failed: number;
  failures: Counts;
  failureMessages: { id: string; stage: string; message: string }[];
  documentLanguages: Counts;
  blockLanguages: Counts;
  /** By `stage/reason`. */
  removed: { count: Counts; characters: Counts };
  repaired: { count: Counts; characters: Counts };
  people: { entries: number; mentions: number; documents: number; top: [string, number][] };
  dates: { count: number; byType: Counts; published: number };
  stageMs: Counts;
  totalMs: number;
  stages: string[];
  inputs: string[];
}

const add = (counts: Counts, key: string, n = 1) => {
  counts[key] = (counts[key] ?? 0) + n;
};

/** Most names kept while counting people across the run (the summary shows the top 20). */
const NAME_LIMIT = 200_000;

export class SummaryBuilder {
  private readonly documentLanguages: Counts = {};
  private readonly blockLanguages: Counts = {};
  private readonly removed = { count: {} as Counts, characters: {} as Counts };
  private readonly repaired = { count: {} as Counts, characters: {} as Counts };
  private readonly people = { entries: 0, mentions: 0, documents: 0 };
  private readonly names = new Map<string, number>();
  private readonly dates = { count: 0, byType: {} as Counts, published: 0 };

  add(doc: RunDocument): void {
    const r = doc.record;
    add(this.documentLanguages, r.lang ?? 'und');
    for (const b of r.blocks ?? []) add(this.blockLanguages, b.lang);
    for (const x of r.removed ?? []) {
      add(this.removed.count, `${x.stage}/${x.reason}`);
      add(this.removed.characters, `${x.stage}/${x.reason}`, x.text.length);
    }
    for (const x of r.repairs ?? []) {
      add(this.repaired.count, `${x.stage}/${x.reason}`);
      add(this.repaired.characters, `${x.stage}/${x.reason}`, x.text.length);
    }
    const people = r.people ?? [];
    if (people.length > 0) this.people.documents++;
    for (const p of people) {
      this.people.entries++;
      this.people.mentions += p.mentions.length;
      if (this.names.has(p.name) || this.names.size < NAME_LIMIT) this.names.set(p.name, (this.names.get(p.name) ?? 0) + 1);
    }
    for (const d of r.dates ?? []) {
      this.dates.count++;
      add(this.dates.byType, d.type);
    }
    if (r.published) this.dates.published++;
  }

  // biome-ignore lint: run.json as written by pipeline/run/stats.ts.
  result(run: Record<string, any>): RunFigures {
    const top = [...this.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20);
    return {
      documents: run.documents,
      failed: run.failed,
      failures: run.failures ?? {},
      failureMessages: run.failureMessages ?? [],
      documentLanguages: this.documentLanguages,
      blockLanguages: this.blockLanguages,
      removed: this.removed,
      repaired: this.repaired,
      people: { ...this.people, top },
      dates: this.dates,
      stageMs: run.timings?.stageMs ?? {},
      totalMs: run.timings?.totalMs ?? 0,
      stages: run.stages ?? [],
      inputs: run.inputs ?? [],
    };
  }
}
