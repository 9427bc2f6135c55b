import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import Database from 'better-sqlite3';
import { dateOf, DirectSql, integerOf } from './direct-sql';

function fakeAdapter() {
  const queryRaw = jest.fn(async () => ({
    columnNames: ['id', 'name'],
    columnTypes: [],
    rows: [
      ['a', 'A'],
      ['b', 'B'],
    ],
  }));
  const dispose = jest.fn(async () => undefined);
  return { adapter: { queryRaw, dispose } as unknown as SqlDriverAdapter, queryRaw, dispose };
}

describe('DirectSql', () => {
  const prisma = { $queryRawUnsafe: jest.fn(async () => [{ id: 'from prisma' }]) };
  const newReads = () =>
    new DirectSql(prisma as unknown as ConstructorParameters<typeof DirectSql>[0]);

  it("reads through Prisma's raw query until Prisma has connected", async () => {
    const reads = newReads();
    expect(await reads.rows('SELECT 1 WHERE ? = ?', ['x', 'y'])).toEqual([{ id: 'from prisma' }]);
    expect(prisma.$queryRawUnsafe).toHaveBeenCalledWith('SELECT 1 WHERE ? = ?', 'x', 'y');
  });

  it('then through the adapter, rows by column name, until Prisma disposes of it', async () => {
    const reads = newReads();
    const { adapter, queryRaw, dispose } = fakeAdapter();
    expect(reads.connected(adapter)).toBe(adapter);
    expect(await reads.rows('SELECT id, name FROM t WHERE id = ?', ['a'])).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ]);
    expect(queryRaw).toHaveBeenCalledWith({
      sql: 'SELECT id, name FROM t WHERE id = ?',
      args: ['a'],
      argTypes: [{ scalarType: 'string', arity: 'scalar' }],
    });
    prisma.$queryRawUnsafe.mockClear();
    await adapter.dispose();
    expect(dispose).toHaveBeenCalled();
    await reads.rows('SELECT 1', []);
    expect(prisma.$queryRawUnsafe).toHaveBeenCalledTimes(1);
    expect(queryRaw).toHaveBeenCalledTimes(1);
  });

  it("on SQLite, runs on the adapter's connection, each statement prepared once", async () => {
    const client = new Database(':memory:');
    client.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER)');
    const prepare = jest.spyOn(client, 'prepare');
    const { adapter, queryRaw, dispose } = fakeAdapter();
    Object.assign(adapter, { provider: 'sqlite', client });
    const reads = newReads();
    reads.connected(adapter);

    const insert = 'INSERT INTO t (id, n) VALUES (?, ?)';
    expect(await reads.rows(insert, ['a', 1])).toEqual([]);
    expect(await reads.rows(insert, ['b', 2])).toEqual([]);
    const select = 'SELECT id, n FROM t WHERE n >= ? ORDER BY id';
    expect(await reads.rows(select, [1])).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
    expect(await reads.rows(select, [2])).toEqual([{ id: 'b', n: 2 }]);
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([insert, select]);
    expect(queryRaw).not.toHaveBeenCalled();

    await adapter.dispose();
    expect(dispose).toHaveBeenCalled();
    await reads.rows(select, [1]);
    expect(prisma.$queryRawUnsafe).toHaveBeenLastCalledWith(select, 1);
    client.close();
  });
});

describe('dateOf', () => {
  it('reads the DateTime values of both adapters and of Prisma as the same instant', () => {
    const instant = Date.UTC(2026, 10, 27, 4, 40, 59, 494);
    for (const value of [
      '2026-11-27T04:40:59.494+00:00',
      '2026-11-27T04:40:59.494Z',
      '2026-11-27 04:40:59.494',
      new Date(instant),
    ]) {
      expect(dateOf(value).getTime()).toBe(instant);
    }
    expect(() => dateOf(42)).toThrow(/not a DateTime/);
  });
});

describe('integerOf', () => {
  it('reads the integers of both adapters as numbers', () => {
    expect([integerOf(2), integerOf(BigInt(3)), integerOf('4')]).toEqual([2, 3, 4]);
    expect(() => integerOf('x')).toThrow(/not an integer/);
    expect(() => integerOf(1.5)).toThrow(/not an integer/);
  });
});
