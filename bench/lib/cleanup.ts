import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * Everything a benchmark process starts is registered here and torn down on normal exit, on an
 * error, and on Ctrl-C / SIGTERM / SIGHUP: child processes are killed by pid, temp dirs removed.
 */
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const hooks: (() => void)[] = [];
const shutdownHooks = new Set<() => Promise<unknown>>();

export function trackChild(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function trackTempDir(dir: string): string {
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** A synchronous action to run at the very end (e.g. close a handle). */
export function onCleanup(hook: () => void): void {
  hooks.push(hook);
}

/**
 * An asynchronous step for a signal's shutdown, once the children are gone (e.g. dropping a
 * database they used); returns a function that removes it again, for when the work was undone
 * the normal way. The synchronous exit path cannot wait for it.
 */
export function onShutdown(hook: () => Promise<unknown>): () => void {
  shutdownHooks.add(hook);
  return () => void shutdownHooks.delete(hook);
}

/** Kills what is still running and deletes temp dirs. Synchronous, so it also works in 'exit'. */
export function cleanupNow(): void {
  for (const hook of hooks.splice(0)) {
    try {
      hook();
    } catch {
      /* best effort */
    }
  }
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/**
 * On a signal: SIGTERM to every child (so a benchmark process can stop its own servers and
 * workers), SIGKILL to those still alive after `graceMs`, the synchronous cleanup, then the
 * shutdown hooks (for at most `graceMs` too).
 */
async function shutdown(graceMs: number): Promise<void> {
  const alive = [...children].filter(
    (child) => child.exitCode === null && child.signalCode === null,
  );
  const exits = alive.map(
    (child) => new Promise<void>((resolve) => child.once('exit', () => resolve())),
  );
  for (const child of alive) {
    try {
      child.kill('SIGTERM');
    } catch {
      /* gone */
    }
  }
  await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, graceMs))]);
  cleanupNow();
  const pending = [...shutdownHooks].map((hook) => hook().catch(() => undefined));
  shutdownHooks.clear();
  await Promise.race([
    Promise.all(pending),
    new Promise((resolve) => setTimeout(resolve, graceMs)),
  ]);
}

let installed = false;
let stopping = false;

/** True once a signal asked this process to stop: start nothing new. */
export function isStopping(): boolean {
  return stopping;
}

/**
 * Installs the exit and signal handlers once per process. `graceMs`: how long a signal's shutdown
 * waits for the children, and then for the shutdown hooks (a parent of benchmark processes gives
 * them longer than they give theirs).
 */
export function installCleanup(graceMs = 4_000): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanupNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping, cleaning up…`);
      void shutdown(graceMs).finally(() => process.exit(130));
    });
  }
  process.on('uncaughtException', (error) => {
    console.error(error);
    cleanupNow();
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error(error);
    cleanupNow();
    process.exit(1);
  });
}
