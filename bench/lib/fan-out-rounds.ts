// The measuring loop both fan-out benchmarks share: rounds of one PUT /api/docs per side, each
// timed until ALL the side's clients have the message, the sides taking turns within each round.
import type http from 'node:http';
import type { ClientPool } from './client-pool';
import { nowMs, sleep } from './clock';
import type { BenchConfig } from './config';
import { expectJson } from './http';
import type { Target } from './protocol';

/** How many client worker processes hold N clients that all get each message. */
export function fanOutWorkers(clients: number, config: BenchConfig): number {
  const { clientsPerWorker, maxWorkers } = config.fanOut;
  return Math.max(1, Math.min(maxWorkers, Math.ceil(clients / clientsPerWorker)));
}

/** One side of a paired fan-out measurement. */
export interface FanOutSide {
  /** The client groups that must ALL have the message (armed together). */
  targets: readonly Target[];
  /** The server the PUT goes to. */
  port: number;
  /** The doc this side's PUTs rename (default: the options' docId). */
  docId?: string;
  /** Readies the side before each of its turns, e.g. parks the other side's clients. */
  prepare?: () => Promise<void>;
}

/** What the measured (not warm-up) rounds gave one side, ms from the request start. */
export interface FanOutSamples {
  /** Until the last of the side's clients had the message. */
  all: number[];
  /** Until the first of them had it. */
  first: number[];
  /** Until the first client of each target had it. */
  firstOf: Partial<Record<Target, number[]>>;
  /** Until the PUT's HTTP response. */
  put: number[];
  /** Server CPU time from just before the PUT until all had it (with the options' cpuMs), ms. */
  cpu: number[];
}

export interface FanOutRoundsOptions {
  /** The doc the PUTs rename. */
  docId: string;
  /** Names the rounds in the log and in the new doc names, e.g. `N=1000`. */
  label: string;
  rounds: number;
  warmupRounds: number;
  /** The coordinator's keep-alive agent for the PUTs. */
  agent: http.Agent;
  log: (line: string) => void;
  /** Reads the server's CPU time so far, ms (proc.ts): each turn's share goes into `cpu`. */
  cpuMs?: () => number;
}

/**
 * Runs warm-up + measured rounds. In each round every side takes one turn: arm its clients, PUT
 * the doc on its server, wait until all its clients have the message. Which side goes first
 * rotates from round to round, so that neither always follows the other, and sample i of every
 * side comes from the same round: pairs for pairedMedian(). Warm-up rounds are dropped.
 */
export async function pairedFanOutRounds<Side extends string>(
  pool: ClientPool,
  sides: Record<Side, FanOutSide>,
  options: FanOutRoundsOptions,
): Promise<Record<Side, FanOutSamples>> {
  const { label, rounds, warmupRounds, agent, log, cpuMs } = options;
  const names = Object.keys(sides) as Side[];
  const samples = Object.fromEntries(
    names.map((name): [Side, FanOutSamples] => [
      name,
      { all: [], first: [], firstOf: {}, put: [], cpu: [] },
    ]),
  ) as Record<Side, FanOutSamples>;
  const total = warmupRounds + rounds;
  for (let round = 0; round < total; round++) {
    const shift = round % names.length;
    const order = [...names.slice(shift), ...names.slice(0, shift)];
    for (const name of order) {
      const { targets, port, prepare, docId = options.docId } = sides[name];
      await prepare?.();
      const id = round * names.length + names.indexOf(name);
      await pool.arm(targets, id, 'fanout');
      const done = pool.fanoutDone(targets, id, 60_000);
      const cpuBefore = cpuMs?.() ?? 0;
      const started = nowMs();
      const put = expectJson(
        port,
        'PUT',
        '/api/docs',
        { id: docId, name: `fan-out ${label} r${round}` },
        agent,
      ).then(() => nowMs() - started);
      const [reports, putMs] = await Promise.all([done, put]);
      const cpu = (cpuMs?.() ?? 0) - cpuBefore;
      if (round >= warmupRounds) {
        const side = samples[name];
        if (cpuMs) side.cpu.push(cpu);
        side.all.push(Math.max(...reports.map((r) => r.last)) - started);
        side.first.push(Math.min(...reports.map((r) => r.first)) - started);
        side.put.push(putMs);
        for (const target of targets) {
          const firsts = reports.flatMap((r) => r.firsts[target] ?? []);
          (side.firstOf[target] ??= []).push(Math.min(...firsts) - started);
        }
      }
      await sleep(30);
    }
    if ((round + 1) % 5 === 0 || round === total - 1) {
      const last = (name: Side) => samples[name].all.at(-1)?.toFixed(1) ?? '-';
      log(
        `${label}: round ${round + 1}/${total}  ${names.map((name) => `${name} ${last(name)} ms`).join('  ')}`,
      );
    }
  }
  return samples;
}
