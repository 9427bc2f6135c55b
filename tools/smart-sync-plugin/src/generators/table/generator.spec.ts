import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { FsTree } from 'nx/src/generators/tree';
import { PATHS, tableGenerator } from './generator';
import { tableNames } from './names';
import { addChildModel, nextMigrationName } from './prisma-schema';

const WORKSPACE = join(__dirname, '../../../../..');
const EDITED = [
  PATHS.schema,
  PATHS.tableNames,
  PATHS.registry,
  PATHS.migrationsSpec,
  PATHS.tableMap,
  PATHS.translationSpec,
  PATHS.nodeKinds,
];

/** Folders on disk that hold only the workspace's prettier config, so formatFiles formats as here. */
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/**
 * An empty Nx workspace (createTreeWithEmptyWorkspace's files) holding this workspace's copies of
 * the files the generator edits, in memory; its root on disk has the prettier config only.
 */
function workspaceCopy(): Tree {
  const root = mkdtempSync(join(tmpdir(), 'table-generator-'));
  roots.push(root);
  writeFileSync(join(root, '.prettierrc'), readFileSync(join(WORKSPACE, '.prettierrc')));
  const tree = new FsTree(root, false);
  for (const change of createTreeWithEmptyWorkspace().listChanges()) {
    if (change.content) tree.write(change.path, change.content);
  }
  for (const path of EDITED) tree.write(path, readFileSync(join(WORKSPACE, path), 'utf-8'));
  for (const dir of Object.values(PATHS.migrations)) {
    for (const entry of readdirSync(join(WORKSPACE, dir), { withFileTypes: true })) {
      const file = entry.isDirectory() ? `${entry.name}/migration.sql` : entry.name;
      tree.write(`${dir}/${file}`, readFileSync(join(WORKSPACE, dir, file), 'utf-8'));
    }
  }
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';
const whiteboards = { name: 'whiteboards', parent: 'departments', skipPrismaGenerate: true };

describe('table generator (nx g @smart-sync/plugin:table whiteboards --parent departments)', () => {
  let tree: Tree;
  let before: Map<string, string>;
  let migration: string;

  beforeAll(async () => {
    tree = workspaceCopy();
    before = new Map(EDITED.map((path) => [path, read(tree, path)]));
    await tableGenerator(tree, whiteboards);
    migration = tree
      .children(PATHS.migrations.sqlite)
      .filter((name) => name.endsWith('_add_whiteboards'))[0];
  });

  it('adds the Prisma model like the other department children, and its relation on Department', () => {
    const schema = read(tree, PATHS.schema);
    expect(schema).toContain(
      [
        'model Whiteboard {',
        '  id           String     @id @default(uuid())',
        '  name         String',
        '  version      Int        @default(1)',
        '  created      DateTime   @default(now())',
        '  departmentId String',
        '  department   Department @relation(fields: [departmentId], references: [id], onDelete: Cascade)',
        '',
        '  @@index([departmentId, created])',
        '  @@map("whiteboards")',
        '}',
      ].join('\n'),
    );
    expect(schema).toMatch(
      / {2}sprintFolders SprintFolder\[\]\n {2}whiteboards {3}Whiteboard\[\]\n/,
    );
    // After the last department child, before the identity models.
    expect(schema.indexOf('model Whiteboard')).toBeGreaterThan(
      schema.indexOf('model SprintFolder'),
    );
    expect(schema.indexOf('model Whiteboard')).toBeLessThan(schema.indexOf('model User'));
    // Nothing else changes.
    const removed = schema
      .replace(/\n\nmodel Whiteboard \{[^}]*\}/, '')
      .replace(/\n {2}whiteboards .*/, '');
    expect(removed).toBe(before.get(PATHS.schema));
  });

  it('adds one migration per provider, dated after the latest, with the SQL of npm run db:diff', () => {
    const latest = readdirSync(join(WORKSPACE, PATHS.migrations.sqlite)).sort().at(-2) as string;
    expect(migration > latest).toBe(true);
    expect(tree.children(PATHS.migrations.postgresql)).toContain(migration);
    const sqlite = read(tree, `${PATHS.migrations.sqlite}/${migration}/migration.sql`);
    expect(sqlite).toContain('CREATE TABLE "whiteboards" (\n    "id" TEXT NOT NULL PRIMARY KEY,');
    expect(sqlite).toContain(
      'CONSTRAINT "whiteboards_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments" ("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    expect(sqlite).toContain(
      'CREATE INDEX "whiteboards_departmentId_created_idx" ON "whiteboards"("departmentId", "created");\n',
    );
    const postgresql = read(tree, `${PATHS.migrations.postgresql}/${migration}/migration.sql`);
    expect(postgresql).toContain('"created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,');
    expect(postgresql).toContain('CONSTRAINT "whiteboards_pkey" PRIMARY KEY ("id")');
    expect(postgresql).toContain(
      'ALTER TABLE "whiteboards" ADD CONSTRAINT "whiteboards_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE CASCADE;\n',
    );
  });

  it('names the table and its parent in the contract (classic and mini share them)', () => {
    const text = read(tree, PATHS.tableNames);
    expect(text).toMatch(
      /CHILD_TABLES = \['docs', 'folders', 'lists', 'sprintFolders', 'whiteboards'\] as const;/,
    );
    expect(text).toMatch(/ {2}sprintFolders: 'departments',\n {2}whiteboards: 'departments',\n\}/);
  });

  it('declares the table in the registry with its Prisma model', () => {
    expect(read(tree, PATHS.registry)).toContain(
      "  whiteboards: { model: Prisma.ModelName.Whiteboard, childList: 'none' },\n};",
    );
  });

  it('maps it onto the client’s department children with its kind:ID prefix', () => {
    expect(read(tree, PATHS.tableMap)).toContain(
      "  whiteboards: { clientTable: DEPARTMENT_CHILDREN, idPrefix: 'whiteboards' },\n};",
    );
  });

  it('adds its kind:ID prefix to the translation spec’s cases', () => {
    expect(read(tree, PATHS.translationSpec)).toContain(
      "  ['sprintFolders', 'sprint-folders'],\n  ['whiteboards', 'whiteboards'],\n];",
    );
  });

  it('gives it a label and an icon in the tree (the add menu lists CHILD_TABLES)', () => {
    expect(read(tree, PATHS.nodeKinds)).toContain(
      "  whiteboards: { label: 'Whiteboard', icon: 'article' },\n};",
    );
  });

  it('adds its table and migration to the migrations spec', () => {
    const spec = read(tree, PATHS.migrationsSpec);
    expect(spec).toMatch(/'users',\n {2}'whiteboards',\n\];/);
    expect(spec).toContain(`'20261201000000_users_grants_sessions',\n  '${migration}',\n];`);
  });

  it('emits a two-browser Playwright spec for the new kind', () => {
    const spec = read(tree, `${PATHS.e2e}/whiteboards.spec.ts`);
    expect(spec).toContain("own.add('whiteboards', 'Whiteboard')");
    expect(spec).toContain("test('renaming a whiteboard in A shows in B");
    expect(spec).toContain("addChild(a, own.department.name, 'Whiteboard', name)");
    expect(spec).not.toContain('<%');
  });

  it('leaves everything prettier-formatted (one line per change)', () => {
    for (const path of [PATHS.tableNames, PATHS.registry, PATHS.tableMap, PATHS.nodeKinds]) {
      const added =
        read(tree, path).split('\n').length - (before.get(path) ?? '').split('\n').length;
      expect([path, added]).toEqual([path, 1]);
    }
  });

  it('fails clearly the second time, writing nothing', async () => {
    const changes = tree.listChanges().length;
    await expect(tableGenerator(tree, whiteboards)).rejects.toThrow(
      /Table "whiteboards" exists already in libs\/shared-types\/src\/lib\/table-names\.ts \(CHILD_TABLES\)/,
    );
    expect(tree.listChanges()).toHaveLength(changes);
  });
});

describe('table generator: refusals', () => {
  it('supports department children only', async () => {
    await expect(
      tableGenerator(workspaceCopy(), { name: 'regions', parent: 'locations' }),
    ).rejects.toThrow(/--parent locations: not supported\. .*department child kinds only/);
  });

  it('refuses a name that is not a plural camelCase table', async () => {
    await expect(tableGenerator(workspaceCopy(), { name: 'Whiteboard' })).rejects.toThrow(
      /plural camelCase/,
    );
  });

  it('names the anchor it cannot find', async () => {
    const tree = workspaceCopy();
    tree.write(PATHS.tableMap, 'export const TABLES = {};\n');
    await expect(tableGenerator(tree, whiteboards)).rejects.toThrow(
      'libs/socket-translation/src/lib/table-map.ts: cannot find the constant TABLE_MAP',
    );
  });

  it('refuses a model that exists already', () => {
    const schema = readFileSync(join(WORKSPACE, PATHS.schema), 'utf-8');
    expect(() => addChildModel(schema, tableNames({ name: 'lists' }))).toThrow(
      'model List exists already',
    );
  });
});

describe('table names', () => {
  it('derives the model, client id prefix and label', () => {
    expect(tableNames({ name: 'sprintFolders' })).toMatchObject({
      model: 'SprintFolder',
      idPrefix: 'sprint-folders',
      label: 'Sprint folder',
      foreignKey: 'departmentId',
      relation: 'department',
    });
    expect(tableNames({ name: 'categories' }).model).toBe('Category');
    expect(tableNames({ name: 'boxes', model: 'Box', label: 'Crate' })).toMatchObject({
      model: 'Box',
      label: 'Crate',
    });
  });

  it('dates a migration now, or a second after a later latest one', () => {
    const now = new Date('2026-11-26T14:36:17Z');
    expect(nextMigrationName(['20261126000000_init'], 'sprintFolders', now)).toBe(
      '20261126143617_add_sprint_folders',
    );
    expect(nextMigrationName(['20261231235959_x', 'migration_lock.toml'], 'docs', now)).toBe(
      '20270101000000_add_docs',
    );
  });
});
