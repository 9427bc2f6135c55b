import { LoadBatcher, MAX_BATCH_IDS } from './load-batcher';

interface Row {
  id: string;
  table: string;
}

function recordingLoader(known: Set<string>) {
  const calls: [string, string[]][] = [];
  const loadNow = async (table: string, ids: string[]): Promise<Row[]> => {
    calls.push([table, ids]);
    return ids.filter((id) => known.has(id)).map((id) => ({ id, table }));
  };
  return { calls, batcher: new LoadBatcher(loadNow) };
}

describe('LoadBatcher', () => {
  it('answers loads of one table asked in the same tick with one query for the union', async () => {
    const { calls, batcher } = recordingLoader(new Set(['a', 'b', 'c']));
    const [first, second, third] = await Promise.all([
      batcher.load('docs', ['b', 'a']),
      batcher.load('docs', ['a']),
      batcher.load('docs', ['c', 'missing']),
    ]);
    expect(calls).toEqual([['docs', ['b', 'a', 'c', 'missing']]]);
    expect(first.map((row) => row.id)).toEqual(['b', 'a']);
    expect(second.map((row) => row.id)).toEqual(['a']);
    expect(third.map((row) => row.id)).toEqual(['c']);
  });

  it('keeps tables apart', async () => {
    const { calls, batcher } = recordingLoader(new Set(['a']));
    const [doc, folder] = await Promise.all([
      batcher.load('docs', ['a']),
      batcher.load('folders', ['a']),
    ]);
    expect(calls).toEqual([
      ['docs', ['a']],
      ['folders', ['a']],
    ]);
    expect([doc[0].table, folder[0].table]).toEqual(['docs', 'folders']);
  });

  it('queries again for a load asked after the previous batch started', async () => {
    const { calls, batcher } = recordingLoader(new Set(['a']));
    await batcher.load('docs', ['a']);
    await batcher.load('docs', ['a']);
    expect(calls).toHaveLength(2);
  });

  it('starts another batch past the id limit', async () => {
    const { calls, batcher } = recordingLoader(new Set());
    const many = Array.from({ length: MAX_BATCH_IDS }, (_, i) => `id${i}`);
    await Promise.all([batcher.load('docs', many), batcher.load('docs', ['one-more'])]);
    expect(calls.map(([, ids]) => ids.length)).toEqual([MAX_BATCH_IDS, 1]);
  });

  it('tells keys apart by keyOf: equal keys share a batch, others do not', async () => {
    const calls: string[][] = [];
    const batcher = new LoadBatcher<{ table: string; scope: string[] }, Row>(
      async ({ table }, ids) => {
        calls.push(ids);
        return ids.map((id) => ({ id, table }));
      },
      ({ table, scope }) => `${table}|${scope.join(',')}`,
    );
    await Promise.all([
      batcher.load({ table: 'docs', scope: ['l1'] }, ['a']),
      batcher.load({ table: 'docs', scope: ['l1'] }, ['b']),
      batcher.load({ table: 'docs', scope: ['l2'] }, ['c']),
    ]);
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('rejects every load of a batch whose query fails', async () => {
    const batcher = new LoadBatcher<string, Row>(() => Promise.reject(new Error('database gone')));
    const results = await Promise.allSettled([
      batcher.load('docs', ['a']),
      batcher.load('docs', ['b']),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
