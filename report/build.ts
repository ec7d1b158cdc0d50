// `newsnorm report OUT`: OUT/report/, a static site made from a finished run's output folder, with
// nothing rerun. It opens from the disk (file://): no server, no network. Browsers forbid fetch()
// on file://, so data comes as script files that call a global: data/summary.js and data/list.js
// at once, and data/docs-NNNNN.js, one per page of documents, only when a document is opened.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRun, readRunSummary } from './read.ts';
import { SummaryBuilder } from './summary.ts';
import { documentView, listRow, type DocumentView, type ListRow } from './view.ts';

export interface ReportOptions {
  /** Documents per data file (default 50). */
  pageSize?: number;
}

export interface ReportResult {
  /** The report's folder (OUT/report). */
  dir: string;
  index: string;
  documents: number;
  dataFiles: number;
  bytes: number;
}

const SITE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'site');

/** The chart library, from node_modules: the report carries its own copy (offline). */
function chartLibrary(): string {
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return path.join(path.dirname(entry), 'chart.umd.min.js');
}

/** JSON inside a script: `</script>` cannot occur in it, nor the two line separators older parsers refuse. */
function scriptCall(fn: string, ...args: unknown[]): string {
  const json = args.map((a) => JSON.stringify(a).replace(/<\//g, '<\\/').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
  return `${fn}(${json.join(',')});\n`;
}

export function dataFileName(page: number): string {
  return `docs-${String(page).padStart(5, '0')}.js`;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

export async function buildReport(out: string, options: ReportOptions = {}): Promise<ReportResult> {
  const pageSize = options.pageSize ?? 50;
  const run = readRunSummary(out);
  const dir = path.join(out, 'report');
  // The report folder is the report's own: built anew each time, the run's files untouched.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  mkdirSync(path.join(dir, 'vendor'), { recursive: true });
  for (const f of ['index.html', 'app.js', 'style.css']) copyFileSync(path.join(SITE, f), path.join(dir, f));
  copyFileSync(chartLibrary(), path.join(dir, 'vendor', 'chart.umd.min.js'));

  const summary = new SummaryBuilder();
  const rows: ListRow[] = [];
  let page: DocumentView[] = [];
  let pages = 0;
  const flush = () => {
    if (page.length === 0) return;
    writeFileSync(path.join(dir, 'data', dataFileName(pages)), scriptCall('newsnormDocuments', pages, page));
    pages++;
    page = [];
  };
  for await (const doc of readRun(out)) {
    summary.add(doc);
    rows.push(listRow(doc));
    page.push(documentView(doc));
    if (page.length === pageSize) flush();
  }
  flush();
  writeFileSync(path.join(dir, 'data', 'summary.js'), scriptCall('newsnormSummary', summary.result(run)));
  writeFileSync(path.join(dir, 'data', 'list.js'), scriptCall('newsnormList', { pageSize, rows }));
  return { dir, index: path.join(dir, 'index.html'), documents: rows.length, dataFiles: pages, bytes: folderBytes(dir) };
}
