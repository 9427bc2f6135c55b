// What a server process costs, read from Linux's /proc (the benchmarks run on Linux only).
import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from './clock';

/**
 * CPU time the process has used so far, all its threads (main, libuv pool, V8's), ms. Each
 * thread's `schedstat` counts nanoseconds; `stat`'s utime + stime count 10 ms ticks only, too
 * coarse for one mutation, and are the fallback where schedstat reads 0 (scheduler statistics
 * off).
 */
export function cpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      /* the thread has just ended */
    }
  }
  if (ns > 0) return ns / 1e6;
  // Fields 14 and 15 of stat, after the command name in parentheses (which may hold spaces).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The process's resident set (VmRSS) and its peak so far (VmHWM), bytes. */
export function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kB('VmRSS') * 1024, peak: kB('VmHWM') * 1024 };
}

/**
 * Waits until the process is quiet: less than `busyMs` of CPU in each of 3 windows of `windowMs`
 * in a row (default: under 10 % of a core), e.g. done with thousands of sockets joining. Gives
 * up after `timeoutMs`.
 */
export async function quiet(
  pid: number,
  windowMs = 50,
  busyMs = 5,
  timeoutMs = 5000,
): Promise<void> {
  let calm = 0;
  for (let waited = 0; waited < timeoutMs && calm < 3; waited += windowMs) {
    const before = cpuMs(pid);
    await sleep(windowMs);
    calm = cpuMs(pid) - before < busyMs ? calm + 1 : 0;
  }
}
