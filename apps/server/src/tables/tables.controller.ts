import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  addChildBodySchema,
  addLocationBodySchema,
  idSchema,
  indexPageRequestSchema,
  loadByIdsBodySchema,
  updateBodySchema,
  type ChildIndexPage,
  type CrudTable,
  type IndexPageRequest,
  type TopRow,
  type UpdateBody,
  TOP_ID,
} from '@smart-sync/shared-types';
import { TABLES } from '@smart-sync/server-db';
import { currentUser } from '../auth/current-user';
import { requestContext } from '../common/request-context';
import { readableLocations } from '../common/signed-in-user';
import { parseOrThrow, ZodValidationPipe } from '../common/zod-validation.pipe';
import { NotificationGateway } from '../notifications/notification.gateway';
import { TableNamePipe } from './table-name.pipe';
import { type Row, TablesService } from './tables.service';

const ids = new ZodValidationPipe(loadByIdsBodySchema, 'ids');

/**
 * The REST API of every table, generic over the table registry, for the signed-in user (the
 * service applies their rights). `top` is not a CRUD table: its fixed routes win over the
 * `:table` ones (the router prefers a fixed path segment to a parameter).
 */
@Controller()
export class TablesController {
  constructor(
    private readonly tables: TablesService,
    private readonly interest: NotificationGateway,
  ) {}

  /**
   * The socket joins the top row's room before it is read, as for the rows of a table: a location
   * created after the read is then heard. Every user has the top row (its list is theirs).
   */
  @Post('top')
  @HttpCode(200)
  top(@Body(ids) body: string[]): Promise<TopRow[]> {
    const { socketId } = requestContext();
    if (socketId && body.includes(TOP_ID)) this.interest.subscribe(socketId, 'top', [TOP_ID]);
    return this.tables.top(body, currentUser());
  }

  @Post('departments/indexes')
  @HttpCode(200)
  indexes(
    @Body(new ZodValidationPipe(indexPageRequestSchema)) body: IndexPageRequest,
  ): Promise<ChildIndexPage> {
    return this.tables.childPage(body, currentUser());
  }

  @Post(':table')
  @HttpCode(200)
  async load(
    @Param('table', TableNamePipe) table: CrudTable,
    @Body(ids) body: string[],
  ): Promise<Row[]> {
    const user = currentUser();
    const { socketId } = requestContext();
    if (!socketId) return this.tables.load(table, body, user);
    if (readableLocations(user) === 'all') {
      // The socket joins the rows' rooms before they are read: a change committed after the read
      // is then heard. Joining after the read missed a change emitted in between, and the client
      // kept the older row (bench:soak found it). Ids it did not get (unknown) it leaves.
      this.interest.subscribe(socketId, table, body);
      const rows = await this.tables.load(table, body, user);
      this.leaveMissing(socketId, table, body, rows);
      return rows;
    }
    // A user who may not read everything joins only the rooms of rows they got (never, even for a
    // moment, one of a row they may not read), then reads those rows again: a change committed
    // between the first read and the join is in the second.
    const first = await this.tables.load(table, body, user);
    const got = first.map((row) => row.id);
    this.interest.subscribe(socketId, table, got);
    const rows = await this.tables.load(table, got, user);
    this.leaveMissing(socketId, table, got, rows);
    return rows;
  }

  /** The socket leaves the rooms of the `asked` ids the load did not return. */
  private leaveMissing(socketId: string, table: CrudTable, asked: string[], rows: Row[]): void {
    const found = new Set(rows.map((row) => row.id));
    this.interest.unsubscribe(
      socketId,
      table,
      asked.filter((id) => !found.has(id)),
    );
  }

  @Put(':table')
  update(
    @Param('table', TableNamePipe) table: CrudTable,
    @Body(new ZodValidationPipe(updateBodySchema)) body: UpdateBody,
  ): Promise<Row[]> {
    return this.tables.update(table, body, currentUser());
  }

  @Post(':table/add')
  add(@Param('table', TableNamePipe) table: CrudTable, @Body() body: unknown): Promise<Row[]> {
    const schema =
      TABLES[table].parent.table === 'top' ? addLocationBodySchema : addChildBodySchema;
    return this.tables.add(table, parseOrThrow(schema, body), currentUser());
  }

  @Delete(':table/:id')
  @HttpCode(204)
  remove(
    @Param('table', TableNamePipe) table: CrudTable,
    @Param('id', new ZodValidationPipe(idSchema, 'id')) id: string,
  ): Promise<void> {
    return this.tables.remove(table, id, currentUser());
  }
}
