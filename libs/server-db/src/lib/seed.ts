import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, DEMO_USERS, type ChildTable, type Role } from '@smart-sync/shared-types';
import { hashPassword } from './password-hash';
import type { AppPrismaClient } from './prisma-client';
import type { SqlDialect } from './sql-dialect';

export const SEED_LOCATIONS = 3;
export const SEED_DEPARTMENTS_PER_LOCATION = 10;
export const SEED_CHILDREN_PER_TABLE = 10_000;

/**
 * The child tables the seed fills, with the display names of their rows (`Doc 17`, `Sprint Folder
 * 3`, …). A table added later (`nx g @smart-sync/plugin:table`) starts empty: the seed's sizes
 * (40,033 rows) are what the benches and the e2e counts compare against.
 */
const CHILD_NAME = {
  docs: 'Doc',
  folders: 'Folder',
  lists: 'List',
  sprintFolders: 'Sprint Folder',
} as const satisfies Partial<Record<ChildTable, string>>;
type SeededTable = keyof typeof CHILD_NAME;
const SEEDED_TABLES = Object.keys(CHILD_NAME) as SeededTable[];

/** Rows per INSERT statement: 5 parameters a row stays far below SQLite's 32,766 limit. */
const ROWS_PER_STATEMENT = 500;

interface SeedRow {
  id: string;
  name: string;
  created: string;
  parentId: string;
}

/**
 * The demo users' rights, by seeded location (1 is "Location 1"): alice is the admin, bob edits
 * Location 1 and views Location 2, carol views Location 1, dave edits Location 3.
 */
export const DEMO_ACCOUNTS: Record<
  (typeof DEMO_USERS)[number]['username'],
  { admin: boolean; grants: [location: number, role: Role][] }
> = {
  alice: { admin: true, grants: [] },
  bob: {
    admin: false,
    grants: [
      [1, 'editor'],
      [2, 'viewer'],
    ],
  },
  carol: { admin: false, grants: [[1, 'viewer']] },
  dave: { admin: false, grants: [[3, 'editor']] },
};

export interface SeedOptions {
  /** Multiplies the child rows (docs, folders, lists, sprintFolders); 1 gives 10,000 of each. */
  scale?: number;
  /**
   * The password of the demo users seeded with the data (default {@link DEMO_PASSWORD}), or
   * `false` for no demo users (`DEMO_USERS=off`).
   */
  demoPassword?: string | false;
  log?: (line: string) => void;
}

export interface SeedResult {
  /** Rows of the synced tables (40,033 at scale 1). */
  rows: number;
  /** Demo users created. */
  users: number;
  milliseconds: number;
}

async function hasRows(prisma: AppPrismaClient): Promise<boolean> {
  const firsts = await Promise.all([
    prisma.location.findFirst({ select: { id: true } }),
    prisma.department.findFirst({ select: { id: true } }),
    prisma.doc.findFirst({ select: { id: true } }),
    prisma.folder.findFirst({ select: { id: true } }),
    prisma.list.findFirst({ select: { id: true } }),
    prisma.sprintFolder.findFirst({ select: { id: true } }),
  ]);
  return firsts.some((row) => row !== null);
}

/**
 * Creation times in Prisma's SQLite format, one millisecond apart, ending now: rows list in seed
 * order, and the four child kinds interleave (Doc 1, Folder 1, List 1, Sprint Folder 1, Doc 31, …).
 */
function creationTimes(count: number): (offset: number) => string {
  const start = Date.now() - count;
  return (offset) => new Date(start + offset).toISOString().replace('Z', '+00:00');
}

function childRowsOf(
  table: SeededTable,
  count: number,
  departmentIds: string[],
  createdAt: (index: number) => string,
) {
  return Array.from({ length: count }, (_, i): SeedRow => ({
    id: randomUUID(),
    name: `${CHILD_NAME[table]} ${i + 1}`,
    created: createdAt(i),
    parentId: departmentIds[i % departmentIds.length],
  }));
}

type Tx = Parameters<Parameters<AppPrismaClient['$transaction']>[0]>[0];

async function insertRows(
  tx: Tx,
  dialect: SqlDialect,
  table: string,
  parentColumn: string | null,
  rows: SeedRow[],
) {
  const columns = ['id', 'name', 'version', 'created', ...(parentColumn ? [parentColumn] : [])];
  const placeholders = (row: number) =>
    `(${columns.map((_, column) => dialect.parameter(row * columns.length + column + 1)).join(', ')})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = chunk.flatMap((row) => [
      row.id,
      row.name,
      1,
      row.created,
      ...(parentColumn ? [row.parentId] : []),
    ]);
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk
        .map((_, row) => placeholders(row))
        .join(', ')}`,
      ...values,
    );
  }
}

/**
 * Fills an EMPTY database with 3 locations, 30 departments and (scaled) 10,000 rows of each child
 * table spread over the departments, and the demo users with their grants ({@link DEMO_ACCOUNTS}).
 * Does nothing (returns null) when any synced table has rows.
 */
export async function seedDatabase(
  prisma: AppPrismaClient,
  { scale = 1, demoPassword = DEMO_PASSWORD, log = () => undefined }: SeedOptions = {},
): Promise<SeedResult | null> {
  if (!(scale >= 0) || !Number.isFinite(scale)) {
    throw new Error(`SEED_SCALE must be a number of 0 or more; got ${scale}`);
  }
  if (await hasRows(prisma)) {
    log('Seed skipped: the database already has rows.');
    return null;
  }
  const started = performance.now();
  const childCount = Math.round(SEED_CHILDREN_PER_TABLE * scale);
  const departmentCount = SEED_LOCATIONS * SEED_DEPARTMENTS_PER_LOCATION;
  const created = creationTimes(
    SEED_LOCATIONS + departmentCount + SEEDED_TABLES.length * childCount,
  );

  const locations = Array.from({ length: SEED_LOCATIONS }, (_, i): SeedRow => ({
    id: randomUUID(),
    name: `Location ${i + 1}`,
    created: created(i),
    parentId: '',
  }));
  const departments = Array.from({ length: departmentCount }, (_, i): SeedRow => ({
    id: randomUUID(),
    name: `Department ${i + 1}`,
    created: created(SEED_LOCATIONS + i),
    parentId: locations[i % SEED_LOCATIONS].id,
  }));
  const departmentIds = departments.map((department) => department.id);
  const firstChild = SEED_LOCATIONS + departmentCount;
  const children = SEEDED_TABLES.map(
    (table, kind) =>
      [
        table,
        childRowsOf(table, childCount, departmentIds, (i) =>
          created(firstChild + i * SEEDED_TABLES.length + kind),
        ),
      ] as const,
  );

  let rows = 0;
  const report = (table: string, count: number) => {
    rows += count;
    log(`  ${table.padEnd(13)} ${String(count).padStart(6)} rows  (${elapsed(started)})`);
  };
  log(`Seeding ${firstChild + SEEDED_TABLES.length * childCount} rows (scale ${scale})…`);
  // The four scrypt hashes at once, on libuv's threads, before the transaction.
  const accounts = demoPassword === false ? [] : await demoAccounts(prisma, demoPassword);
  await prisma.$transaction(
    async (tx) => {
      const dialect = prisma.$sqlDialect;
      await insertRows(tx, dialect, 'locations', null, locations);
      report('locations', locations.length);
      await insertRows(tx, dialect, 'departments', 'locationId', departments);
      report('departments', departments.length);
      for (const [table, tableRows] of children) {
        await insertRows(tx, dialect, table, 'departmentId', tableRows);
        report(table, tableRows.length);
      }
      for (const { username, passwordHash, admin, grants } of accounts) {
        const locationIds = grants.map(([number, role]) => ({
          locationId: locations[number - 1].id,
          role,
        }));
        await tx.user.create({
          data: { username, passwordHash, admin, grants: { create: locationIds } },
        });
      }
    },
    { timeout: 120_000 },
  );
  const milliseconds = performance.now() - started;
  if (accounts.length > 0) {
    log(`  demo users    ${accounts.map((account) => account.username).join(', ')}`);
  }
  log(`Seeded ${rows} rows in ${elapsed(started)}.`);
  return { rows, users: accounts.length, milliseconds };
}

/** The demo users not in the database yet, with their password hashed. */
async function demoAccounts(prisma: AppPrismaClient, password: string) {
  const existing = new Set(
    (await prisma.user.findMany({ select: { username: true } })).map((user) => user.username),
  );
  const missing = DEMO_USERS.map((user) => user.username).filter((name) => !existing.has(name));
  return Promise.all(
    missing.map(async (username) => ({
      username,
      ...DEMO_ACCOUNTS[username],
      passwordHash: await hashPassword(password),
    })),
  );
}

function elapsed(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(2)} s`;
}
