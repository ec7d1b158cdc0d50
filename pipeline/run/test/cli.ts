// The command line run inside the test's own process, for the tests where starting a process is
// not what is under test: the same `main` as `newsnorm ARGS`, without a second Node, tsx and every
// stage loaded again for each call. What it prints on the console is returned as a process's
// stderr and stdout would be.
import { vi } from 'vitest';
import { main } from '../cli.ts';

export interface CliResult {
  status: number;
  stderr: string;
  stdout: string;
}

/**
 * Runs `newsnorm ARGS` in this process with `env` added to the environment for the call. A run
 * gets `--document-timeout 0` first (the documents run in the main thread, with no worker thread
 * to start): the worker threads are tested where they are the point (run.test.ts, pool.test.ts,
 * and the interrupted run of cli.test.ts, which uses the default).
 */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const stderr: string[] = [];
  const stdout: string[] = [];
  const onError = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(`${a.join(' ')}\n`));
  const onLog = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(`${a.join(' ')}\n`));
  try {
    const status = await main(args[0] === 'report' || args[0] === 'inspect' ? args : ['--document-timeout', '0', ...args]);
    return { status, stderr: stderr.join(''), stdout: stdout.join('') };
  } finally {
    onError.mockRestore();
    onLog.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
