import { Injectable } from '@nestjs/common';
import {
  MAX_IDS_PER_LOAD,
  TOP_ID,
  type CrudTable,
  type DepartmentRow,
  type FirstScreen,
  type LocationRow,
} from '@smart-sync/shared-types';
import { AuthService } from '../auth/auth.service';
import { type Rights, toSessionUser } from '../common/signed-in-user';
import { type Row, TablesService } from '../tables/tables.service';

/**
 * Reads the first screen of the user a `Cookie` header's session belongs to, as the client's
 * first loads would get it from the API: the top row, the locations it lists, and the departments
 * of the first of them, under the user's rights. Undefined without a valid session.
 */
@Injectable()
export class FirstScreenReader {
  constructor(
    private readonly auth: AuthService,
    private readonly tables: TablesService,
  ) {}

  async read(cookieHeader: string | undefined): Promise<FirstScreen | undefined> {
    const user = await this.auth.userOfCookie(cookieHeader);
    if (!user) return undefined;
    const top = await this.tables.top([TOP_ID], user);
    const locations = (await this.load(
      'locations',
      top[0]?.locations ?? [],
      user,
    )) as LocationRow[];
    const departments = (await this.load(
      'departments',
      locations[0]?.departments ?? [],
      user,
    )) as DepartmentRow[];
    return { user: toSessionUser(user), rows: { top, locations, departments } };
  }

  /** The rows of `ids`, in as many loads as the API's per-request limit needs. */
  private async load(table: CrudTable, ids: string[], user: Rights): Promise<Row[]> {
    const rows: Row[] = [];
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_LOAD) {
      rows.push(
        ...(await this.tables.load(table, ids.slice(start, start + MAX_IDS_PER_LOAD), user)),
      );
    }
    return rows;
  }
}
