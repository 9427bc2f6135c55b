import { ConflictException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import {
  FIRST_CHILD_PAGE_LENGTH,
  TOP_ID,
  type AddChildBody,
  type AddLocationBody,
  type ChildIndexPage,
  type ChildRow,
  type CrudTable,
  type DepartmentRow,
  type IndexPageRequest,
  type LocationRow,
  type TopRow,
  type UpdateBody,
  VERSION_CONFLICT_MESSAGE,
  type VersionConflict,
} from '@smart-sync/shared-types';
import {
  childPages,
  integerOf,
  Prisma,
  rowsByIdSql,
  rowDelegate,
  TABLES,
  type RowDelegate,
  type TableDefinition,
} from '@smart-sync/server-db';
import { readableLocations, type Rights } from '../common/signed-in-user';
import { PrismaService } from '../db/prisma.service';
import { LoadBatcher } from './load-batcher';
import { RowAccess, rowNotFound } from './row-access';

export type Row = ChildRow | LocationRow | DepartmentRow;

const ROW_FIELDS = { id: true, name: true, version: true } as const;
const CREATION_ORDER = [{ created: 'asc' }, { id: 'asc' }] as const;
/** Ids per query of an ordered `in` list (a parent's children all come from the one chunk). */
const IN_LIST_CHUNK = 500;

/** Prisma's "the row to update or delete does not exist". */
const RECORD_NOT_FOUND = 'P2025';
/** Prisma's "foreign key constraint failed": the parent does not exist. */
const FOREIGN_KEY_FAILED = 'P2003';

function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

/** A load: a table's rows as one user may read them. */
interface LoadQuery {
  table: CrudTable;
  user: Rights;
}

/** Loads of users who may read the same locations share a batch. */
function loadKey({ table, user }: LoadQuery): string {
  const locations = readableLocations(user);
  return `${table}|${locations === 'all' ? '*' : [...locations].sort().join(',')}`;
}

/**
 * Generic reads and writes of every table, driven by the table registry, as one user may make
 * them (see {@link RowAccess}). Writes go through the recording Prisma client, which announces
 * them once committed; this service never notifies.
 */
@Injectable()
export class TablesService {
  private readonly batcher = new LoadBatcher<LoadQuery, Row>(
    (query, ids) => this.loadNow(query, ids),
    loadKey,
  );

  constructor(
    private readonly db: PrismaService,
    private readonly access: RowAccess,
  ) {}

  private delegate(definition: TableDefinition): RowDelegate {
    return rowDelegate(this.db.client, definition);
  }

  /** The virtual top row: the ids of the locations the user may read, in creation order. */
  async top(ids: string[], user: Rights): Promise<TopRow[]> {
    if (!ids.includes(TOP_ID)) return [];
    const locations = await this.delegate(TABLES.locations).findMany({
      where: this.access.readable('locations', user),
      select: { id: true },
      orderBy: CREATION_ORDER,
    });
    return [{ id: TOP_ID, locations: locations.map((row) => row['id'] as string) }];
  }

  /**
   * Rows by id, in the order asked, unknown ids and rows the user may not read left out. Loads of
   * a table asked in the same tick (by users who may read the same) share one query (plus one for
   * child lists).
   */
  async load(table: CrudTable, ids: string[], user: Rights): Promise<Row[]> {
    const wanted = [...new Set(ids)];
    return wanted.length === 0 ? [] : this.batcher.load({ table, user }, wanted);
  }

  private async loadNow({ table, user }: LoadQuery, wanted: string[]): Promise<Row[]> {
    const definition = TABLES[table];
    const [records, children] = await Promise.all([
      this.readRows(table, wanted, user),
      this.childListsOf(definition, wanted),
    ]);
    const byId = new Map(records.map((record) => [record.id, record]));
    return wanted
      .filter((id) => byId.has(id))
      .map((id) => this.withChildren(definition, byId.get(id) as ChildRow, children.get(id)));
  }

  /**
   * The rows of these ids that exist and that the user may read: one statement outside Prisma's
   * pipeline (every reload a notification causes comes here), filtered by the location each row
   * is under.
   */
  private async readRows(table: CrudTable, ids: string[], user: Rights): Promise<ChildRow[]> {
    const { $directSql: reads, $sqlDialect: dialect } = this.db.client;
    const records = await reads.rows(rowsByIdSql(table, dialect), [JSON.stringify(ids)]);
    const locations = readableLocations(user);
    const readable = locations === 'all' ? undefined : new Set(locations);
    return records
      .filter((record) => !readable || readable.has(String(record['locationId'])))
      .map((record) => ({
        id: String(record['id']),
        name: String(record['name']),
        version: integerOf(record['version']),
      }));
  }

  /**
   * One page of a department's children (`POST /api/departments/indexes`); 404 for a department
   * the user may not read, as for an unknown one.
   */
  async childPage(
    { parentId, startIndex, length }: IndexPageRequest,
    user: Rights,
  ): Promise<ChildIndexPage> {
    if (!user.admin) await this.assertExists(TABLES.departments, parentId, user);
    const page = (
      await childPages(this.db.client, TABLES.departments, [parentId], startIndex, length)
    ).get(parentId);
    if (page) return page;
    if (user.admin) await this.assertExists(TABLES.departments, parentId, user);
    return { startIndex, length: 0, indexes: [] };
  }

  /**
   * Renames a row the user may edit; returns it as this write left it (its name and version; a
   * parent's child list is read after the write). With `version`, the one conditional update
   * writes only if the row still has it, else 409 with the row as it is now and nothing written.
   */
  async update(table: CrudTable, { id, name, version }: UpdateBody, user: Rights): Promise<Row[]> {
    const definition = TABLES[table];
    await this.access.assertEditable(table, id, user);
    const record = await this.db.client.$renameRow(table, id, name, version);
    if (!record) throw await this.notUpdated(table, id, version !== undefined, user);
    const children =
      definition.childList === 'none'
        ? undefined
        : (await this.childListsOf(definition, [id])).get(id);
    return [this.withChildren(definition, record, children)];
  }

  /**
   * Why an update matched no row: a versioned one of a row the user may still read is a conflict
   * (409 with the row as its load returns it); anything else, a row that is gone (404).
   */
  private async notUpdated(
    table: CrudTable,
    id: string,
    versioned: boolean,
    user: Rights,
  ): Promise<HttpException> {
    const [current] = versioned ? await this.load(table, [id], user) : [];
    if (!current) return rowNotFound(table, id);
    const conflict: VersionConflict<Row> = {
      statusCode: HttpStatus.CONFLICT,
      message: VERSION_CONFLICT_MESSAGE,
      current,
    };
    return new ConflictException(conflict, { description: 'Conflict' });
  }

  /**
   * Creates a row under a parent the user may edit (a location, under the virtual top row: admins
   * only); returns it.
   */
  async add(table: CrudTable, body: AddChildBody | AddLocationBody, user: Rights): Promise<Row[]> {
    const definition = TABLES[table];
    const link = definition.parent;
    const parentId = 'parentId' in body ? body.parentId : undefined;
    if (link.table === 'top') this.access.assertAdmin(user);
    else await this.access.assertEditable(link.table, parentId ?? '', user);
    const data =
      link.table === 'top' ? { name: body.name } : { name: body.name, [link.foreignKey]: parentId };
    try {
      const record = await this.delegate(definition).create({ data, select: ROW_FIELDS });
      return [this.withChildren(definition, record, undefined)];
    } catch (error) {
      if (link.table !== 'top' && isPrismaError(error, FOREIGN_KEY_FAILED)) {
        throw rowNotFound(link.table, parentId ?? '', error);
      }
      throw error;
    }
  }

  /**
   * Deletes a row the user may edit (a location: admins only); the database deletes its
   * descendants.
   */
  async remove(table: CrudTable, id: string, user: Rights): Promise<void> {
    const definition = TABLES[table];
    await this.access.assertEditable(table, id, user);
    if (definition.parent.table === 'top') this.access.assertAdmin(user);
    try {
      await this.delegate(definition).delete({ where: { id }, select: { id: true } });
    } catch (error) {
      if (isPrismaError(error, RECORD_NOT_FOUND)) throw rowNotFound(table, id, error);
      throw error;
    }
  }

  /** Per parent id, the child list its row carries: all ids, or the first page of references. */
  private async childListsOf(
    definition: TableDefinition,
    ids: string[],
  ): Promise<Map<string, string[] | ChildIndexPage>> {
    const lists = new Map<string, string[] | ChildIndexPage>();
    if (definition.childList === 'page') {
      return childPages(this.db.client, definition, ids, 0, FIRST_CHILD_PAGE_LENGTH);
    }
    if (definition.childList === 'ids') {
      const child = TABLES[definition.childTables[0]];
      if (child.parent.table === 'top') return lists;
      const key = child.parent.foreignKey;
      // Prisma does not split an ordered `in` list: 1,000 ids exceed SQLite's bound parameters.
      const chunks = Array.from({ length: Math.ceil(ids.length / IN_LIST_CHUNK) }, (_, index) =>
        ids.slice(index * IN_LIST_CHUNK, (index + 1) * IN_LIST_CHUNK),
      );
      const found = await Promise.all(
        chunks.map((chunk) =>
          this.delegate(child).findMany({
            where: { [key]: { in: chunk } },
            select: { id: true, [key]: true },
            orderBy: CREATION_ORDER,
          }),
        ),
      );
      for (const row of found.flat()) {
        const parentId = row[key] as string;
        const list = (lists.get(parentId) as string[] | undefined) ?? [];
        if (list.length === 0) lists.set(parentId, list);
        list.push(row['id'] as string);
      }
    }
    return lists;
  }

  private withChildren(
    definition: TableDefinition,
    record: ChildRow,
    children: string[] | ChildIndexPage | undefined,
  ): Row {
    const row: ChildRow = { id: record.id, name: record.name, version: record.version };
    switch (definition.childList) {
      case 'none':
        return row;
      case 'ids':
        return { ...row, [definition.childTables[0]]: children ?? [] } as LocationRow;
      case 'page':
        return {
          ...row,
          children: (children as ChildIndexPage | undefined) ?? {
            startIndex: 0,
            length: 0,
            indexes: [],
          },
        };
    }
  }

  /** 404 unless the row exists and the user may read it. */
  private async assertExists(definition: TableDefinition, id: string, user: Rights): Promise<void> {
    const found = await this.delegate(definition).findMany({
      where: { AND: [{ id }, this.access.readable(definition.table, user)] },
      select: { id: true },
    });
    if (found.length === 0) throw rowNotFound(definition.table, id);
  }
}
