import { localRecipients } from './local-recipients';

describe('localRecipients', () => {
  const rooms = new Map([
    ['docs:a', new Set(['s1', 's2'])],
    ['docs:b', new Set(['s2', 's3'])],
    ['all', new Set(['s4'])],
    ['s2', new Set(['s2'])],
  ]);

  it('counts each socket of the target rooms once', () => {
    expect(localRecipients(rooms, ['docs:a', 'docs:b', 'all'])).toBe(4);
  });

  it('leaves out the writer and ignores rooms nobody is in here', () => {
    expect(localRecipients(rooms, ['docs:a', 'docs:b', 'docs:z'], 's2')).toBe(2);
    expect(localRecipients(rooms, ['docs:z'], 'gone')).toBe(0);
  });
});
