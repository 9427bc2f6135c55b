import { HttpClient } from '@angular/common/http';
import { CrudTable, MAX_IDS_PER_LOAD } from '@smart-sync/shared-types/mini';
import { forkJoin, map, Observable, of } from 'rxjs';
import * as z from 'zod/mini';
import { inChunks } from './chunks';

/**
 * The REST calls every server table answers, parametrised by table name and row schema.
 * Rows are validated against the shared wire contract on the way in.
 */
export class TableApi<Row> {
  private readonly rows: z.ZodMiniType<Row[]>;

  constructor(
    private readonly http: HttpClient,
    readonly table: CrudTable,
    rowSchema: z.ZodMiniType<Row>,
  ) {
    this.rows = z.array(rowSchema);
  }

  /** Loads rows by id, in as many requests as the server's per-request limit needs. */
  load(ids: string[]): Observable<Row[]> {
    const chunks = inChunks(ids, MAX_IDS_PER_LOAD);
    if (chunks.length === 0) {
      return of([]);
    }
    return forkJoin(
      chunks.map((chunk) =>
        this.http.post<unknown>(this.url(), chunk).pipe(map((body) => this.rows.parse(body))),
      ),
    ).pipe(map((loaded) => loaded.flat()));
  }

  update(id: string, name: string): Observable<Row[]> {
    return this.http
      .put<unknown>(this.url(), { id, name })
      .pipe(map((body) => this.rows.parse(body)));
  }

  add(name: string, parentId?: string): Observable<Row[]> {
    const body = parentId === undefined ? { name } : { name, parentId };
    return this.http
      .post<unknown>(this.url('add'), body)
      .pipe(map((rows) => this.rows.parse(rows)));
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(this.url(encodeURIComponent(id)));
  }

  private url(suffix?: string): string {
    return suffix === undefined ? `/api/${this.table}` : `/api/${this.table}/${suffix}`;
  }
}
