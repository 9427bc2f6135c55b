/** At most this many ids go into one batched query; more start another batch. */
export const MAX_BATCH_IDS = 5000;

interface Batch<T> {
  ids: Set<string>;
  rows: Promise<Map<string, T>>;
}

/**
 * Coalesces the loads of one key (a table, and whose rights) asked for in the same turn of the
 * event loop into one query for the union of their ids. When a notification makes a thousand
 * clients reload the same row at once, they cost a few queries instead of a thousand. A batch's
 * query starts after every request in it has arrived, so no caller gets rows older than its own
 * request. Keys are told apart by `keyOf` (default: themselves).
 */
export class LoadBatcher<K, T extends { id: string }> {
  private readonly pending = new Map<unknown, Batch<T>>();

  constructor(
    private readonly loadNow: (key: K, ids: string[]) => Promise<T[]>,
    private readonly keyOf: (key: K) => unknown = (key) => key,
  ) {}

  /** The rows of `ids` that exist, in the order asked (ids must be distinct). */
  async load(key: K, ids: string[]): Promise<T[]> {
    const batch = this.batchFor(key, ids.length);
    for (const id of ids) batch.ids.add(id);
    const byId = await batch.rows;
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    });
  }

  private batchFor(key: K, adding: number): Batch<T> {
    const mapKey = this.keyOf(key);
    const open = this.pending.get(mapKey);
    if (open && open.ids.size + adding <= MAX_BATCH_IDS) return open;
    const ids = new Set<string>();
    const rows = new Promise<Map<string, T>>((resolve, reject) => {
      setImmediate(() => {
        if (this.pending.get(mapKey) === batch) this.pending.delete(mapKey);
        this.loadNow(key, [...ids])
          .then((list) => resolve(new Map(list.map((row) => [row.id, row]))))
          .catch(reject);
      });
    });
    const batch: Batch<T> = { ids, rows };
    this.pending.set(mapKey, batch);
    return batch;
  }
}
