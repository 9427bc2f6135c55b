import { HttpClient, HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import {
  CrudTable,
  MAX_IDS_PER_LOAD,
  UpdateBody,
  VERSION_CONFLICT_MESSAGE,
  VersionConflict,
} from '@smart-sync/shared-types/mini';
import { catchError, forkJoin, map, Observable, of, throwError } from 'rxjs';
import * as z from 'zod/mini';
import { inChunks } from './chunks';

/** A rename refused because the row had moved on from the version it was made from. */
export class VersionConflictError<Row> extends Error {
  constructor(
    /** The row as it is now (the 409's `current`). */
    readonly current: Row,
    /** The 409 itself, as the error handler reports it. */
    readonly response: HttpErrorResponse,
  ) {
    super(VERSION_CONFLICT_MESSAGE);
    this.name = 'VersionConflictError';
  }
}

/**
 * The REST calls every server table answers, parametrised by table name and row schema.
 * Rows are validated against the shared wire contract on the way in.
 */
export class TableApi<Row> {
  private readonly rows: z.ZodMiniType<Row[]>;

  constructor(
    private readonly http: HttpClient,
    readonly table: CrudTable,
    private readonly row: z.ZodMiniType<Row>,
  ) {
    this.rows = z.array(row);
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

  /**
   * Renames a row made from `version`; the row as the write left it. A 409 because the row has
   * moved on fails with a {@link VersionConflictError} that holds the row as it is now.
   */
  update(id: string, name: string, version: number): Observable<Row[]> {
    const body: UpdateBody = { id, name, version };
    return this.http.put<unknown>(this.url(), body).pipe(
      map((rows) => this.rows.parse(rows)),
      catchError((error: unknown) => throwError(() => this.conflictIn(error) ?? error)),
    );
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

  private conflictIn(error: unknown): VersionConflictError<Row> | undefined {
    if (!(error instanceof HttpErrorResponse) || error.status !== HttpStatusCode.Conflict) {
      return undefined;
    }
    const body = error.error as Partial<VersionConflict> | null;
    const current = this.row.safeParse(body?.current);
    return body?.message === VERSION_CONFLICT_MESSAGE && current.success
      ? new VersionConflictError(current.data, error)
      : undefined;
  }

  private url(suffix?: string): string {
    return suffix === undefined ? `/api/${this.table}` : `/api/${this.table}/${suffix}`;
  }
}
