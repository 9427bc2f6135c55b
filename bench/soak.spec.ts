import { formatSoak, runSoak } from './soak';

/**
 * The convergence soak, briefly (npm test): 40 clients, 10 s of writes on one server, with the
 * drops and the restart of the full run (npm run bench:soak). BENCH_SOAK_SECONDS and
 * BENCH_SOAK_CLIENTS size it.
 */
describe('convergence soak (short)', () => {
  it('ends with every client holding what the database holds', async () => {
    const result = await runSoak({
      cluster: false,
      seconds: Number(process.env.BENCH_SOAK_SECONDS ?? 10),
      clients: Number(process.env.BENCH_SOAK_CLIENTS ?? 40),
      writers: 4,
      log: () => undefined,
    });
    console.log(formatSoak(result));
    expect(result.writes.renames + result.writes.adds + result.writes.deletes).toBeGreaterThan(0);
    expect({ stale: result.stale, missing: result.missing, phantom: result.phantom }).toEqual({
      stale: 0,
      missing: 0,
      phantom: 0,
    });
    expect(result.convergeMs).toBeDefined();
  }, 180_000);
});
