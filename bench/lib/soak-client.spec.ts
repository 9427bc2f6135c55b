import type { ChildRow, DepartmentRow } from '@smart-sync/shared-types';
import { compareHeld, SoakClient } from './soak-client';

/** A database of one department with docs, as `POST /api/<table>` answers. */
function fakeServer() {
  const docs = new Map<string, ChildRow>([['d1', { id: 'd1', name: 'Doc 1', version: 1 }]]);
  let version = 1;
  const department = (): DepartmentRow => ({
    id: 'p',
    name: 'Dept',
    version,
    children: {
      startIndex: 0,
      length: docs.size,
      indexes: [...docs.keys()].map((id) => ({ table: 'docs' as const, id })),
    },
  });
  const load = async <T>(table: string, ids: string[]): Promise<T[]> =>
    (table === 'departments'
      ? ids.includes('p')
        ? [department()]
        : []
      : ids.flatMap((id) => docs.get(id) ?? [])) as T[];
  return {
    load,
    docs,
    touch: () => version++,
    truth: async () => {
      const client = new SoakClient(load, ['p']);
      await client.resync();
      return client.held();
    },
  };
}

describe('SoakClient', () => {
  it('reloads updated rows, adds children on its department’s update, drops deleted ones', async () => {
    const server = fakeServer();
    const client = new SoakClient(server.load, ['p']);
    await client.resync();
    expect(compareHeld(client.held(), await server.truth())).toEqual({
      stale: 0,
      missing: 0,
      phantom: 0,
    });

    server.docs.set('d1', { id: 'd1', name: 'Renamed', version: 2 });
    expect(compareHeld(client.held(), await server.truth())).toEqual({
      stale: 1,
      missing: 0,
      phantom: 0,
    });
    await client.onMessage({ action: 'update', table: 'docs', ids: ['d1'] });

    server.docs.set('d2', { id: 'd2', name: 'New', version: 1 });
    server.touch();
    expect(compareHeld(client.held(), await server.truth())).toEqual({
      stale: 1,
      missing: 1,
      phantom: 0,
    });
    await client.onMessage({ action: 'update', table: 'departments', ids: ['p'] });
    expect(compareHeld(client.held(), await server.truth())).toEqual({
      stale: 0,
      missing: 0,
      phantom: 0,
    });

    server.docs.delete('d1');
    await client.onMessage({ action: 'delete', table: 'docs', ids: ['d1'] });
    expect(compareHeld(client.held(), await server.truth())).toEqual({
      stale: 0,
      missing: 0,
      phantom: 0,
    });
  });

  it('counts a failed load and repairs it on resync', async () => {
    const server = fakeServer();
    let down = false;
    const client = new SoakClient(
      async (table, ids) => {
        if (down) throw new Error('connection refused');
        return server.load(table, ids);
      },
      ['p'],
    );
    await client.resync();
    down = true;
    server.docs.set('d1', { id: 'd1', name: 'Renamed', version: 2 });
    await client.onMessage({ action: 'update', table: 'docs', ids: ['d1'] });
    expect(client.failures).toBe(1);
    down = false;
    await client.resync();
    expect(compareHeld(client.held(), await server.truth())).toEqual({
      stale: 0,
      missing: 0,
      phantom: 0,
    });
  });
});
