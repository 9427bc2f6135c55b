import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { formatFiles, generateFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { tableNames, type TableNames } from './names';
import {
  addChildModel,
  nextMigrationName,
  postgresqlMigration,
  sqliteMigration,
} from './prisma-schema';
import type { TableGeneratorSchema } from './schema';
import {
  addArrayElement,
  addArrayString,
  addObjectProperty,
  arrayConstValues,
  objectConstKeys,
  readSource,
} from './source-edits';

/** Every workspace file the generator edits or adds to, in one place. */
export const PATHS = {
  schema: 'prisma/schema.prisma',
  migrations: { sqlite: 'prisma/migrations', postgresql: 'prisma/postgresql/migrations' },
  tableNames: 'libs/shared-types/src/lib/table-names.ts',
  registry: 'libs/server-db/src/lib/table-registry.ts',
  migrationsSpec: 'libs/server-db/src/lib/migrations.spec.ts',
  tableMap: 'libs/socket-translation/src/lib/table-map.ts',
  translationSpec: 'libs/socket-translation/src/lib/translation.spec.ts',
  nodeKinds: 'apps/client/src/app/tree/node-kinds.ts',
  e2e: 'apps/client-e2e/src',
} as const;

/** The object constants that get one entry per table, and the entry. */
function objectEntries(names: TableNames): [path: string, constant: string, value: string][] {
  const q = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return [
    [PATHS.tableNames, 'PARENT_TABLE', q(names.parent)],
    [PATHS.registry, 'DECLARED', `{ model: Prisma.ModelName.${names.model}, childList: 'none' }`],
    [
      PATHS.tableMap,
      'TABLE_MAP',
      `{ clientTable: DEPARTMENT_CHILDREN, idPrefix: ${q(names.idPrefix)} }`,
    ],
    [PATHS.nodeKinds, 'NODE_KINDS', `{ label: ${q(names.label)}, icon: ${q(names.icon)} }`],
  ];
}

/** Fails, before anything is written, when the table exists anywhere the generator would add it. */
function assertNew(tree: Tree, names: TableNames): void {
  const found: string[] = [];
  const path = PATHS.tableNames;
  if (arrayConstValues(path, readSource(tree, path), 'CHILD_TABLES').includes(names.table)) {
    found.push(`${path} (CHILD_TABLES)`);
  }
  for (const [path, constant] of objectEntries(names)) {
    if (objectConstKeys(path, readSource(tree, path), constant).includes(names.table)) {
      found.push(`${path} (${constant})`);
    }
  }
  const e2eSpec = `${PATHS.e2e}/${names.table}.spec.ts`;
  if (tree.exists(e2eSpec)) found.push(e2eSpec);
  if (found.length > 0) {
    throw new Error(
      `Table "${names.table}" exists already in ${found.join(', ')}. The generator adds new tables only.`,
    );
  }
}

function addMigrations(tree: Tree, names: TableNames): string {
  const existing = [
    ...tree.children(PATHS.migrations.sqlite),
    ...tree.children(PATHS.migrations.postgresql),
  ];
  if (existing.length === 0) {
    throw new Error(`${PATHS.migrations.sqlite}: no migrations found to follow.`);
  }
  const migration = nextMigrationName(existing, names.table);
  tree.write(`${PATHS.migrations.sqlite}/${migration}/migration.sql`, sqliteMigration(names));
  tree.write(
    `${PATHS.migrations.postgresql}/${migration}/migration.sql`,
    postgresqlMigration(names),
  );
  return migration;
}

export async function tableGenerator(
  tree: Tree,
  options: TableGeneratorSchema,
): Promise<GeneratorCallback> {
  const names = tableNames(options);
  assertNew(tree, names);

  tree.write(PATHS.schema, addChildModel(readSource(tree, PATHS.schema), names));
  const migration = addMigrations(tree, names);

  addArrayString(tree, PATHS.tableNames, 'CHILD_TABLES', names.table);
  for (const [path, constant, value] of objectEntries(names)) {
    addObjectProperty(tree, path, constant, names.table, value);
  }
  addArrayString(tree, PATHS.migrationsSpec, 'APP_TABLES', names.table, { sorted: true });
  addArrayString(tree, PATHS.migrationsSpec, 'MIGRATIONS', migration);
  addArrayElement(
    tree,
    PATHS.translationSpec,
    'childCases',
    `['${names.table}', '${names.idPrefix}']`,
  );

  generateFiles(tree, join(__dirname, 'files', 'e2e'), PATHS.e2e, {
    ...names,
    lowerLabel: names.label.toLowerCase(),
    tmpl: '',
  });

  await formatFiles(tree);

  return () => {
    if (!options.skipPrismaGenerate) {
      const result = spawnSync(process.execPath, ['prisma/generate.mjs'], {
        cwd: tree.root,
        stdio: 'inherit',
      });
      if (result.status !== 0) {
        throw new Error('node prisma/generate.mjs failed: the Prisma clients lack the new model.');
      }
    }
    logger.info(
      `Table ${names.table} (${names.model}, client ids ${names.idPrefix}:ID) added with migration ${migration}.\n` +
        'Apply it with `npm run db:migrate` (the server also migrates at start).',
    );
  };
}

export default tableGenerator;
