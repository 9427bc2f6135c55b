import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { CrudTable } from '@smart-sync/shared-types';
import { locationIdSql, whereUnderLocations } from '@smart-sync/server-db';
import { requestContext } from '../common/request-context';
import { readableLocations, roleUnder, type Rights } from '../common/signed-in-user';
import { PrismaService } from '../db/prisma.service';

/** Rows whose location {@link RowAccess} keeps: ~100 bytes each. */
const MAX_KNOWN_LOCATIONS = 100_000;

/** The answer to a row that does not exist, or that the user may not read: the same. */
export function rowNotFound(table: string, id: string, cause?: unknown): NotFoundException {
  return new NotFoundException(`${table} has no row with id "${id}"`, {
    cause,
    description: 'Not Found',
  });
}

/**
 * The access rules of the rows, per location: what you may read is what you may load (rows
 * outside it do not exist for you), and a write needs the editor role where its row is.
 */
@Injectable()
export class RowAccess {
  /**
   * The location of rows looked up before, by `table:id`: a row never moves to another parent, so
   * the answer never changes (a deleted row's write still ends in 404, at the write).
   */
  private readonly locations = new Map<string, string>();

  constructor(private readonly db: PrismaService) {}

  /** The Prisma `where` that keeps the rows of `table` the user may read (all: `{}`). */
  readable(table: CrudTable, user: Rights): Record<string, unknown> {
    const locations = readableLocations(user);
    return locations === 'all' ? {} : whereUnderLocations(table, locations);
  }

  /**
   * Lets a write to row `id` of `table` (an add: to its parent row) through, or answers 404 when
   * the row does not exist or the user may not read it, 403 when they may only read it. Notes the
   * row's location in the request context: the notifications tell its other readers.
   */
  async assertEditable(table: CrudTable, id: string, user: Rights): Promise<void> {
    const locationId = await this.locationOf(table, id);
    const role = locationId === undefined ? undefined : roleUnder(user, locationId);
    if (!role) throw rowNotFound(table, id);
    if (role !== 'editor') {
      throw new ForbiddenException('you may read this location but not edit it', {
        description: 'Forbidden',
      });
    }
    requestContext().locationId = locationId;
  }

  private async locationOf(table: CrudTable, id: string): Promise<string | undefined> {
    const key = `${table}:${id}`;
    const known = this.locations.get(key);
    if (known !== undefined) return known;
    const { $directSql: reads, $sqlDialect: dialect } = this.db.client;
    const [row] = await reads.rows(locationIdSql(table, dialect), [id]);
    const locationId = row?.['locationId'];
    if (typeof locationId !== 'string') return undefined;
    if (this.locations.size >= MAX_KNOWN_LOCATIONS) this.locations.clear();
    this.locations.set(key, locationId);
    return locationId;
  }

  /** Adding or deleting a location: admins only (403). */
  assertAdmin(user: Rights): void {
    if (!user.admin) {
      throw new ForbiddenException('only an admin adds or deletes locations', {
        description: 'Forbidden',
      });
    }
  }
}
