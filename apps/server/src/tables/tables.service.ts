import { Injectable, NotFoundException } from '@nestjs/common';
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
} from '@smart-sync/shared-types';
import {
  childPages,
  Prisma,
  rowDelegate,
  TABLES,
  type RowDelegate,
  type TableDefinition,
} from '@smart-sync/server-db';
import { PrismaService } from '../db/prisma.service';
import { LoadBatcher } from './load-batcher';

export type Row = ChildRow | LocationRow | DepartmentRow;

const ROW_FIELDS = { id: true, name: true, version: true } as const;
const CREATION_ORDER = [{ created: 'asc' }, { id: 'asc' }] as const;

/** Prisma's "the row to update or delete does not exist". */
const RECORD_NOT_FOUND = 'P2025';
/** Prisma's "foreign key constraint failed": the parent does not exist. */
const FOREIGN_KEY_FAILED = 'P2003';

function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

/**
 * Generic reads and writes of every table, driven by the table registry. Writes go through the
 * recording Prisma client, which announces them once committed; this service never notifies.
 */
@Injectable()
export class TablesService {
  private readonly batcher = new LoadBatcher<CrudTable, Row>((table, ids) =>
    this.loadNow(table, ids),
  );

  constructor(private readonly db: PrismaService) {}

  private delegate(definition: TableDefinition): RowDelegate {
    return rowDelegate(this.db.client, definition);
  }

  /** The virtual top row: every location id, in creation order. */
  async top(ids: string[]): Promise<TopRow[]> {
    if (!ids.includes(TOP_ID)) return [];
    const locations = await this.delegate(TABLES.locations).findMany({
      select: { id: true },
      orderBy: CREATION_ORDER,
    });
    return [{ id: TOP_ID, locations: locations.map((row) => row['id'] as string) }];
  }

  /**
   * Rows by id, in the order asked, unknown ids left out. Loads of a table asked in the same tick
   * share one query (plus one for child lists).
   */
  async load(table: CrudTable, ids: string[]): Promise<Row[]> {
    const wanted = [...new Set(ids)];
    return wanted.length === 0 ? [] : this.batcher.load(table, wanted);
  }

  private async loadNow(table: CrudTable, wanted: string[]): Promise<Row[]> {
    const definition = TABLES[table];
    const [records, children] = await Promise.all([
      this.delegate(definition).findMany({ where: { id: { in: wanted } }, select: ROW_FIELDS }),
      this.childListsOf(definition, wanted),
    ]);
    const byId = new Map(records.map((record) => [record['id'] as string, record as ChildRow]));
    return wanted
      .filter((id) => byId.has(id))
      .map((id) => this.withChildren(definition, byId.get(id) as ChildRow, children.get(id)));
  }

  /** One page of a department's children (`POST /api/departments/indexes`). */
  async childPage({ parentId, startIndex, length }: IndexPageRequest): Promise<ChildIndexPage> {
    const page = (
      await childPages(this.db.client, TABLES.departments, [parentId], startIndex, length)
    ).get(parentId);
    if (page) return page;
    await this.assertExists(TABLES.departments, parentId);
    return { startIndex, length: 0, indexes: [] };
  }

  /** Renames a row; returns it as its load does. */
  async update(table: CrudTable, { id, name }: UpdateBody): Promise<Row[]> {
    const definition = TABLES[table];
    let record: ChildRow;
    try {
      record = await this.delegate(definition).update({
        where: { id },
        data: { name },
        select: ROW_FIELDS,
      });
    } catch (error) {
      if (isPrismaError(error, RECORD_NOT_FOUND)) throw this.notFound(table, id, error);
      throw error;
    }
    return definition.childList === 'none' ? [record] : this.load(table, [id]);
  }

  /** Creates a row under its parent (locations under the virtual top row); returns it. */
  async add(table: CrudTable, body: AddChildBody | AddLocationBody): Promise<Row[]> {
    const definition = TABLES[table];
    const link = definition.parent;
    const parentId = 'parentId' in body ? body.parentId : undefined;
    const data =
      link.table === 'top' ? { name: body.name } : { name: body.name, [link.foreignKey]: parentId };
    try {
      const record = await this.delegate(definition).create({ data, select: ROW_FIELDS });
      return [this.withChildren(definition, record, undefined)];
    } catch (error) {
      if (link.table !== 'top' && isPrismaError(error, FOREIGN_KEY_FAILED)) {
        throw this.notFound(link.table, parentId ?? '', error);
      }
      throw error;
    }
  }

  /** Deletes a row; the database deletes its descendants. */
  async remove(table: CrudTable, id: string): Promise<void> {
    try {
      await this.delegate(TABLES[table]).delete({ where: { id }, select: { id: true } });
    } catch (error) {
      if (isPrismaError(error, RECORD_NOT_FOUND)) throw this.notFound(table, id, error);
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
      const rows = await this.delegate(child).findMany({
        where: { [key]: { in: ids } },
        select: { id: true, [key]: true },
        orderBy: CREATION_ORDER,
      });
      for (const row of rows) {
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

  private async assertExists(definition: TableDefinition, id: string): Promise<void> {
    const found = await this.delegate(definition).findMany({ where: { id }, select: { id: true } });
    if (found.length === 0) throw this.notFound(definition.table, id);
  }

  private notFound(table: string, id: string, cause?: unknown): NotFoundException {
    return new NotFoundException(`${table} has no row with id "${id}"`, {
      cause,
      description: 'Not Found',
    });
  }
}
