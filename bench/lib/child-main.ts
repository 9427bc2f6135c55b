import { cleanupNow, installCleanup } from './cleanup';
import { configFromEnv, type BenchConfig } from './config';

/** The IPC message a benchmark process sends run.ts when it is done. */
export type ResultMessage =
  | { type: 'result'; name: string; result: unknown }
  | { type: 'failure'; name: string; message: string };

/**
 * Entry point of one benchmark process: installs cleanup, runs it, hands the result to run.ts
 * over IPC (or prints it as JSON when started by hand), and exits 1 with the error on failure.
 */
export function benchmarkMain(
  name: string,
  run: (config: BenchConfig, log: (line: string) => void) => Promise<unknown>,
): void {
  installCleanup();
  const log = (line: string) => console.log(`[${name}] ${line}`);
  run(configFromEnv(), log)
    .then((result) => {
      if (process.send) process.send({ type: 'result', name, result } satisfies ResultMessage);
      else console.log(JSON.stringify(result, null, 2));
      cleanupNow();
      // Give the IPC message time to leave before exiting.
      setTimeout(() => process.exit(0), 100);
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[${name}] FAILED: ${message}`);
      process.send?.({ type: 'failure', name, message } satisfies ResultMessage);
      cleanupNow();
      setTimeout(() => process.exit(1), 100);
    });
}
