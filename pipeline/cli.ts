// The command line of ../shared/CONTRACT.md. Flags only: the work is in run.ts.
//   npm start                      samples/ -> out/
//   npm start -- INPUT... [--out DIR] [--stages a,b] [--reference-date YYYY-MM-DD] [--concurrency N]
//                         [--resume] [--rank R --world-size N]
// Exit codes: 0 when every document was processed or recorded as failed, 2 for bad flags,
// 1 when the run itself could not go on (an unwritable output folder).
import { parseCommandLine, USAGE, UsageError } from './flags.ts';
import { RunError, runPipeline } from './run.ts';

async function main(): Promise<number> {
  let options;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`newsnorm: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    const summary = await runPipeline(options);
    const failed = summary.failed > 0 ? `, ${summary.failed} recorded as failed` : '';
    console.error(`newsnorm: ${summary.documents} documents${failed} in ${(summary.timings.totalMs / 1000).toFixed(1)} s -> ${options.out}/`);
    return 0;
  } catch (e) {
    if (e instanceof RunError) {
      console.error(`newsnorm: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main();
