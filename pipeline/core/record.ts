// The record of CONTRACT.md (the project's own), written once as a zod schema: the TypeScript type is derived
// from it (`NewsRecord`), and so is the validator the tests run and the JSON Schema
// (`npm run schema`). Fields may be added; none may be renamed or dropped.
//
// The schema's own type is spelled out too (`RecordShape`), because the package's declarations are
// written file by file (isolatedDeclarations, scripts/build.mjs), without inferring it. The compiler
// holds the two together (`recordSchema`'s annotation, and `SameRecord` below): a field missing from either, or of
// another type, fails the type check.
import type { Plugin, Processor } from 'unified';
import { z } from 'zod';
import type { VFile } from 'vfile';
import { assembleText, type Root } from './document.ts';
import { removalsOf, repairsOf } from './decisions.ts';

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

/** The schema's type: each field's zod type, as `schema` below builds it (and as tsc would infer it). */
type RecordShape = {
  id: z.ZodString;
  source: z.ZodObject<{ path: z.ZodString; url: z.ZodNullable<z.ZodString> }, z.core.$strip>;
  lang: z.ZodString;
  title: z.ZodNullable<z.ZodString>;
  published: z.ZodNullable<z.ZodString>;
  text: z.ZodString;
  blocks: z.ZodArray<
    z.ZodObject<{ start: z.ZodNumber; end: z.ZodNumber; kind: z.ZodEnum<{ heading: 'heading'; paragraph: 'paragraph' }>; text: z.ZodString; lang: z.ZodString }, z.core.$strip>
  >;
  people: z.ZodArray<
    z.ZodObject<
      {
        name: z.ZodString;
        aliases: z.ZodArray<z.ZodString>;
        mentions: z.ZodArray<z.ZodObject<{ start: z.ZodNumber; end: z.ZodNumber; text: z.ZodString }, z.core.$strip>>;
        roles: z.ZodOptional<z.ZodArray<z.ZodString>>;
        id: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        key: z.ZodOptional<z.ZodString>;
      },
      z.core.$strip
    >
  >;
  dates: z.ZodArray<
    z.ZodObject<
      { start: z.ZodNumber; end: z.ZodNumber; text: z.ZodString; value: z.ZodString; type: z.ZodEnum<{ DATE: 'DATE'; TIME: 'TIME'; DURATION: 'DURATION'; SET: 'SET' }> },
      z.core.$strip
    >
  >;
  removed: z.ZodArray<z.ZodObject<{ text: z.ZodString; reason: z.ZodString; stage: z.ZodString }, z.core.$strip>>;
  repairs: z.ZodArray<z.ZodObject<{ text: z.ZodString; to: z.ZodString; reason: z.ZodString; stage: z.ZodString }, z.core.$strip>>;
  error: z.ZodOptional<z.ZodObject<{ stage: z.ZodString; message: z.ZodString }, z.core.$strip>>;
  langConfidence: z.ZodOptional<z.ZodNumber>;
  dateline: z.ZodOptional<z.ZodNullable<z.ZodObject<{ text: z.ZodString; place: z.ZodNullable<z.ZodString>; agency: z.ZodNullable<z.ZodString> }, z.core.$strip>>>;
  publisher: z.ZodOptional<z.ZodNullable<z.ZodString>>;
  titleSource: z.ZodOptional<z.ZodNullable<z.ZodEnum<{ metadata: 'metadata'; jsonl: 'jsonl'; text: 'text' }>>>;
  publishedSource: z.ZodOptional<z.ZodNullable<z.ZodEnum<{ metadata: 'metadata'; jsonl: 'jsonl'; dateline: 'dateline'; text: 'text' }>>>;
  byline: z.ZodOptional<z.ZodNullable<z.ZodString>>;
};

const schema = z.object({
  id: z.string().min(1),
  source: z.object({ path: z.string(), url: z.string().nullable() }),
  lang: z.string().regex(/^[a-z]{3}$/),
  title: z.string().nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}/).nullable(),
  text: z.string(),
  blocks: z.array(
    z.object({ kind: z.enum(['heading', 'paragraph']), text: z.string(), lang: z.string().regex(/^[a-z]{3}$/), ...span }),
  ),
  people: z.array(
    z.object({
      name: z.string(),
      aliases: z.array(z.string()),
      mentions: z.array(z.object({ text: z.string(), ...span })),
      roles: z.array(z.string()).optional(),
      id: z.string().nullable().optional(),
      key: z.string().optional(),
    }),
  ),
  dates: z.array(
    z.object({ text: z.string(), value: z.string(), type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']), ...span }),
  ),
  removed: z.array(z.object({ text: z.string(), reason: z.string(), stage: z.string() })),
  repairs: z.array(z.object({ text: z.string(), to: z.string(), reason: z.string(), stage: z.string() })),
  error: z.object({ stage: z.string(), message: z.string() }).optional(),
  /** How sure the language stage was of `lang`, 0..1 (an added field). */
  langConfidence: z.number().min(0).max(1).optional(),
  /** The wire dateline the body opened with, when there was one (an added field). */
  dateline: z.object({ text: z.string(), place: z.string().nullable(), agency: z.string().nullable() }).nullable().optional(),
  /** The publisher named in a prefix such as "NextFin News - " (an added field). */
  publisher: z.string().nullable().optional(),
  /** Where `title` came from: the page's metadata, the dump's `title`, or the text (an added field). */
  titleSource: z.enum(['metadata', 'jsonl', 'text']).nullable().optional(),
  /** Where `published` came from: the dump's `date`, metadata (the page's, or glued to the text), a dateline, or a date the text states as its own (an added field). */
  publishedSource: z.enum(['metadata', 'jsonl', 'dateline', 'text']).nullable().optional(),
  /** The author as the page's metadata names it (an added field). */
  byline: z.string().nullable().optional(),
});

export const recordSchema: z.ZodObject<RecordShape, z.core.$strip> = schema;

export type NewsRecord = z.infer<typeof recordSchema>;

// What the schema accepts and NewsRecord must be the same both ways: a field, or a value of an
// enum, that the schema has and RecordShape lacks fails here (at any depth, but for an optional
// field inside a nested object, which either may have without the other).
type IsTrue<T extends true> = T;
type SameRecord = IsTrue<[NewsRecord, z.infer<typeof schema>] extends [z.infer<typeof schema>, NewsRecord] ? true : false>;

/** Checks the record's offsets too, which a schema cannot say: every span must slice `text` to its own text. */
export function validateRecord(value: unknown): string[] {
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const r = parsed.data;
  const problems: string[] = [];
  const check = (where: string, s: { text: string; start: number; end: number }) => {
    if (r.text.slice(s.start, s.end) !== s.text) problems.push(`${where}: offsets ${s.start}-${s.end} do not slice "${s.text}"`);
  };
  r.blocks.forEach((b, i) => check(`blocks.${i}`, b));
  r.dates.forEach((d, i) => check(`dates.${i}`, d));
  r.people.forEach((p, i) => p.mentions.forEach((m, j) => check(`people.${i}.mentions.${j}`, m)));
  return problems;
}

/** What the stages leave on `file.data` that the record shows, by the record's names and types. */
type StageFields = Partial<Pick<NewsRecord, 'lang' | 'title' | 'published' | 'people' | 'dates' | 'langConfidence' | 'dateline' | 'publisher'>>;

/** Builds the record from what the stages left on the tree and the file. */
export function buildRecord(tree: Root, file: VFile, error?: { stage: string; message: string }): NewsRecord {
  const { text, spans } = assembleText(tree);
  // The stages declare these fields themselves (core knows no stage): read here as the record names them.
  const data = file.data as VFile['data'] & StageFields;
  const docLang = data.lang ?? 'und';
  const record: NewsRecord = {
    // A file made outside the runner (unified().use(parse)…process(file)) is named by its path, as the runner names a text file.
    id: data.id ?? file.stem ?? 'document',
    source: data.source ?? { path: file.path ?? '', url: null },
    lang: docLang,
    title: data.title ?? null,
    published: data.published ?? null,
    text,
    blocks: spans.map(({ block, start, end }) => ({
      kind: block.type,
      text: block.value,
      lang: block.data?.lang ?? docLang,
      start,
      end,
    })),
    people: data.people ?? [],
    dates: data.dates ?? [],
    removed: removalsOf(file),
    repairs: repairsOf(file),
  };
  // 0 when the language stage did not run (the document's language is then `und`).
  record.langConfidence = round(data.langConfidence ?? 0);
  if (data.dateline) record.dateline = data.dateline;
  if (data.publisher) record.publisher = data.publisher;
  if (data.titleSource !== undefined) record.titleSource = data.titleSource;
  if (data.publishedSource !== undefined) record.publishedSource = data.publishedSource;
  if (data.byline) record.byline = data.byline;
  if (error) record.error = error;
  return record;
}

declare module 'unified' {
  interface CompileResultMap {
    /** `toRecord` compiles a document into its record (on `file.result`). */
    NewsRecord: NewsRecord;
  }
}

/**
 * The compiler plugin: the processed document becomes its record (`file.result`), with the error
 * of a document that could not be read or whose stage failed (`file.data.error`).
 */
export const toRecord: Plugin<[], Root, NewsRecord> = function (this: Processor) {
  (this as unknown as Processor<undefined, undefined, undefined, Root, NewsRecord>).compiler = (tree, file) => buildRecord(tree, file, file.data.error);
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
