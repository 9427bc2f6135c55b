import { cpuMs, memory } from './proc';

describe('proc', () => {
  it("reads a process's CPU time across its threads, to the millisecond", () => {
    const usedMs = (since: NodeJS.CpuUsage) => {
      const { user, system } = process.cpuUsage(since);
      return (user + system) / 1000;
    };
    const reference = process.cpuUsage();
    const before = cpuMs(process.pid);
    while (usedMs(reference) < 30) {
      /* spin: 30 ms of CPU, however long that takes on a busy machine */
    }
    const spent = cpuMs(process.pid) - before;
    expect(Math.abs(spent - usedMs(reference))).toBeLessThan(8);
  });

  it('reads its resident set and peak', () => {
    const { rss, peak } = memory(process.pid);
    expect(rss).toBeGreaterThan(10e6);
    expect(peak).toBeGreaterThanOrEqual(rss);
  });
});
