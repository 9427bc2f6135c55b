import { HttpClient } from '@angular/common/http';
import { CrudTable } from '@smart-sync/shared-types';
import { map, Observable } from 'rxjs';
import { ZodType } from 'zod';

/**
 * The REST calls every server table answers, parametrised by table name and row schema.
 * Rows are validated against the shared wire contract on the way in.
 */
export class TableApi<Row> {
  private readonly rows: ZodType<Row[]>;

  constructor(
    private readonly http: HttpClient,
    readonly table: CrudTable,
    rowSchema: ZodType<Row>,
  ) {
    this.rows = rowSchema.array();
  }

  load(ids: string[]): Observable<Row[]> {
    return this.http.post<unknown>(this.url(), ids).pipe(map((body) => this.rows.parse(body)));
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
