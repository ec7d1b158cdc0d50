// The two commands that read a finished run instead of making one: `report OUT` and
// `inspect OUT ID` (pipeline/run/cli.ts hands them over when the first word names one).
import { buildReport } from './build.ts';
import { findDocument, formatDocument } from './inspect.ts';
import { OutputFolderError } from './read.ts';

export const REPORT_USAGE = `usage: npm start -- report OUT        (or npm run report -- OUT)
       npm start -- inspect OUT ID    (ID: a document's id, or #N for the N-th document)

report   writes OUT/report/index.html from the run in OUT (nothing is rerun); open it in a browser
inspect  prints one document's path through the stages`;

export function isRunCommand(word: string | undefined): word is 'report' | 'inspect' {
  return word === 'report' || word === 'inspect';
}

/** Runs `report` or `inspect`; returns the exit code (2 for a usage error or a folder that is not a run's). */
export async function runCommand(argv: string[], stdout: NodeJS.WriteStream = process.stdout): Promise<number> {
  const [command, out, id, ...rest] = argv;
  const wanted = command === 'report' ? 1 : 2;
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(REPORT_USAGE);
    return 0;
  }
  if ([out, id].filter((a) => a !== undefined).length !== wanted || rest.length > 0) {
    console.error(`newsnorm: ${command} takes ${command === 'report' ? 'an output folder' : 'an output folder and a document id'}\n\n${REPORT_USAGE}`);
    return 2;
  }
  try {
    if (command === 'report') {
      const t0 = performance.now();
      const report = await buildReport(out as string);
      const mb = (report.bytes / 1e6).toFixed(1);
      console.error(`newsnorm: report of ${report.documents} documents (${report.dataFiles} data files, ${mb} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${report.index}`);
      return 0;
    }
    const doc = await findDocument(out as string, id as string);
    if (!doc) {
      console.error(`newsnorm: no document "${id}" in ${out}/records.jsonl`);
      return 2;
    }
    const colour = stdout.isTTY === true && process.env.NO_COLOR === undefined;
    stdout.write(formatDocument(doc, { colour, width: Math.max(40, (stdout.columns ?? 120) - 40) }));
    return 0;
  } catch (e) {
    if (e instanceof OutputFolderError) {
      console.error(`newsnorm: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
