import { matchNotifications } from './match';

describe('matchNotifications', () => {
  it('pairs each send with the next arrival of its id, in order', () => {
    const sends = [
      { id: 'a', at: 0 },
      { id: 'b', at: 1 },
      { id: 'a', at: 10 },
      { id: 'c', at: 12 },
    ];
    const arrivals = [
      { id: 'b', at: 3 },
      { id: 'a', at: 4 },
      { id: 'a', at: 15 },
      { id: 'x', at: 16 },
    ];
    expect(matchNotifications(sends, arrivals)).toEqual({
      delays: [4, 2, 5],
      missing: 1, // c never arrived
      unexpected: 1, // x was never sent
    });
  });
});
