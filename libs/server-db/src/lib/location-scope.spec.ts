import { locationIdSql, locationPath, rowsByIdSql, whereUnderLocations } from './location-scope';
import { SQL_DIALECTS } from './sql-dialect';
import { createTempDatabase, type TempDatabase } from '../testing/temp-database';

describe('location scope', () => {
  it('follows the parent chain from each table to its location', () => {
    expect(locationPath('locations')).toEqual(['id']);
    expect(locationPath('departments')).toEqual(['locationId']);
    expect(locationPath('docs')).toEqual(['department', 'locationId']);
    expect(locationPath('sprintFolders')).toEqual(['department', 'locationId']);
  });

  it('builds one where-clause for the rows under some locations', () => {
    expect(whereUnderLocations('locations', ['a', 'b'])).toEqual({ id: { in: ['a', 'b'] } });
    expect(whereUnderLocations('departments', ['a'])).toEqual({ locationId: { in: ['a'] } });
    expect(whereUnderLocations('lists', [])).toEqual({ department: { locationId: { in: [] } } });
  });

  it('reads the location id of a row in one statement, joining up the parent chain', () => {
    expect(locationIdSql('locations', SQL_DIALECTS.sqlite)).toBe(
      'SELECT t0."id" AS "locationId" FROM "locations" t0 WHERE t0."id" = ?',
    );
    expect(locationIdSql('departments', SQL_DIALECTS.postgresql)).toBe(
      'SELECT t0."locationId" AS "locationId" FROM "departments" t0 WHERE t0."id" = $1',
    );
    expect(locationIdSql('sprintFolders', SQL_DIALECTS.sqlite)).toBe(
      'SELECT t1."locationId" AS "locationId" FROM "sprintFolders" t0 ' +
        'JOIN "departments" t1 ON t1."id" = t0."departmentId" WHERE t0."id" = ?',
    );
  });

  it('reads rows by a JSON array of ids with their location, joining up the parent chain', () => {
    expect(rowsByIdSql('docs', SQL_DIALECTS.sqlite)).toBe(
      'SELECT t0."id" AS "id", t0."name" AS "name", t0."version" AS "version", ' +
        't1."locationId" AS "locationId" FROM "docs" t0 ' +
        'JOIN "departments" t1 ON t1."id" = t0."departmentId" ' +
        'WHERE t0."id" IN (SELECT value FROM json_each(?))',
    );
    expect(rowsByIdSql('locations', SQL_DIALECTS.postgresql)).toBe(
      'SELECT t0."id" AS "id", t0."name" AS "name", t0."version" AS "version", ' +
        't0."id" AS "locationId" FROM "locations" t0 ' +
        'WHERE t0."id" IN (SELECT jsonb_array_elements_text($1::jsonb))',
    );
  });
});

describe('location scope on the database', () => {
  let database: TempDatabase;
  beforeAll(async () => {
    database = await createTempDatabase();
  });
  afterAll(() => database?.drop());

  it("reads each table's row's location through the adapter, and nothing for an unknown id", async () => {
    const { prisma } = database;
    const location = await prisma.location.create({ data: { name: 'L' } });
    const department = await prisma.department.create({
      data: { name: 'D', locationId: location.id },
    });
    const doc = await prisma.doc.create({ data: { name: 'd', departmentId: department.id } });
    await prisma.$connect();
    const locationOf = async (table: 'locations' | 'departments' | 'docs', id: string) =>
      (await prisma.$directSql.rows(locationIdSql(table, prisma.$sqlDialect), [id]))[0]?.[
        'locationId'
      ];
    expect(await locationOf('locations', location.id)).toBe(location.id);
    expect(await locationOf('departments', department.id)).toBe(location.id);
    expect(await locationOf('docs', doc.id)).toBe(location.id);
    expect(await locationOf('docs', 'no-such-doc')).toBeUndefined();
  });

  it('reads the rows of the ids that exist, each with its version and location', async () => {
    const { prisma } = database;
    const location = await prisma.location.create({ data: { name: 'L2' } });
    const department = await prisma.department.create({
      data: { name: 'D2', locationId: location.id },
    });
    const first = await prisma.list.create({ data: { name: 'one', departmentId: department.id } });
    const second = await prisma.list.create({ data: { name: 'two', departmentId: department.id } });
    await prisma.list.update({ where: { id: second.id }, data: { name: 'two, renamed' } });
    await prisma.$connect();
    const ids = [second.id, 'no-such-list', first.id];
    const rows = await prisma.$directSql.rows(rowsByIdSql('lists', prisma.$sqlDialect), [
      JSON.stringify(ids),
    ]);
    const read = rows.map(({ id, name, version, locationId }) => ({
      id,
      name,
      version: Number(version),
      locationId,
    }));
    expect(read.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      { id: first.id, name: 'one', version: 1, locationId: location.id },
      { id: second.id, name: 'two, renamed', version: 2, locationId: location.id },
    ]);
  });
});
