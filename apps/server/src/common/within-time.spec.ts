import { withinTime } from './within-time';

describe('withinTime', () => {
  it('passes on an answer that comes in time, and its failure', async () => {
    await expect(withinTime(Promise.resolve(7), 50)).resolves.toBe(7);
    await expect(withinTime(Promise.reject(new Error('down')), 50)).rejects.toThrow('down');
  });

  it('fails once the time has passed without an answer', async () => {
    await expect(withinTime(new Promise(() => undefined), 10)).rejects.toThrow(
      'no answer within 10 ms',
    );
  });
});
