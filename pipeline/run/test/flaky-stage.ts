// A stage module that fails to load the first time only, for the pool's tests (a worker that dies
// before its stages load, once): the first thread to import it leaves a marker file and throws;
// the next finds the marker and loads the stages of stuck-stage.ts.
import { existsSync, writeFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

const marker = (workerData as { stageOptions: { flaky: { marker: string } } }).stageOptions.flaky.marker;
if (!existsSync(marker)) {
  writeFileSync(marker, '');
  throw new Error('this stage module fails to load the first time');
}
export { stages } from './stuck-stage.ts';
