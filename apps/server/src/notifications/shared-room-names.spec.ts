import { Server } from 'socket.io';
import { SharedRoomNames } from './shared-room-names';

describe('SharedRoomNames', () => {
  const server = new Server();

  it('knows exactly the rooms the adapter has, as sockets join and leave them', () => {
    const { adapter } = server.of('/rooms');
    const names = new SharedRoomNames(adapter);
    adapter.addAll('s1', new Set(['docs:a', 'docs:b']));
    adapter.addAll('s2', new Set(['docs:a']));
    expect(names.size).toBe(2);
    adapter.del('s1', 'docs:a');
    expect(names.size).toBe(2);
    adapter.del('s2', 'docs:a');
    expect(names.size).toBe(1);
    adapter.delAll('s1');
    expect(names.size).toBe(0);
  });

  it('gives the name of a room that exists, or the name asked for', () => {
    const { adapter } = server.of('/names');
    const names = new SharedRoomNames(adapter);
    adapter.addAll('s1', new Set(['docs:a']));
    expect(names.of(`docs:${'a'}`)).toBe('docs:a');
    expect(names.of('docs:b')).toBe('docs:b');
  });
});
