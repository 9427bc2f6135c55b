import type { TableNames } from './names';

/**
 * Edits of prisma/schema.prisma as text, laid out the way `prisma format` lays them out (columns
 * aligned per group of fields), so the schema stays as if written by hand.
 */

interface ModelBlock {
  name: string;
  /** Line indexes of `model X {` and of its closing `}`. */
  start: number;
  end: number;
}

const FIELD = /^(\s+)(\w+)\s+(\S+)(?:\s+(.*\S))?\s*$/;

function modelBlocks(lines: string[]): ModelBlock[] {
  const blocks: ModelBlock[] = [];
  lines.forEach((line, index) => {
    const open = /^model\s+(\w+)\s*\{/.exec(line);
    if (!open) return;
    const end = lines.findIndex((other, at) => at > index && /^\}/.test(other));
    if (end < 0) throw new Error(`prisma/schema.prisma: model ${open[1]} has no closing brace.`);
    blocks.push({ name: open[1], start: index, end });
  });
  return blocks;
}

const isField = (line: string) => FIELD.test(line) && !/^\s*(@@|\/\/)/.test(line);

/**
 * Aligns each run of field lines between `from` and `to` (exclusive) as prisma format does: names
 * padded to the longest name, types to the longest type of lines that carry attributes. Comment
 * lines do not break a run; blank lines and `@@` lines do.
 */
function alignFields(lines: string[], from: number, to: number): void {
  let run: number[] = [];
  const flush = () => {
    const parts = run.map((index) => FIELD.exec(lines[index]) as RegExpExecArray);
    const nameWidth = Math.max(...parts.map((p) => p[2].length));
    const typeWidth = Math.max(...parts.map((p) => p[3].length));
    run.forEach((index, i) => {
      const [, indent, name, type, attributes] = parts[i];
      lines[index] = attributes
        ? `${indent}${name.padEnd(nameWidth)} ${type.padEnd(typeWidth)} ${attributes}`
        : `${indent}${name.padEnd(nameWidth)} ${type}`;
    });
    run = [];
  };
  for (let index = from; index < to; index++) {
    const line = lines[index];
    if (isField(line)) run.push(index);
    else if (!/^\s*\/\//.test(line)) flush();
  }
  flush();
}

function childModel(names: TableNames): string[] {
  const lines = [
    `model ${names.model} {`,
    '  id String @id @default(uuid())',
    '  name String',
    '  version Int @default(1)',
    '  created DateTime @default(now())',
    `  ${names.foreignKey} String`,
    `  ${names.relation} ${names.parentModel} @relation(fields: [${names.foreignKey}], references: [id], onDelete: Cascade)`,
    '',
    `  @@index([${names.foreignKey}, created])`,
    `  @@map("${names.table}")`,
    '}',
  ];
  alignFields(lines, 1, lines.length - 1);
  return lines;
}

/** The model that maps to a table (`@@map("docs")`), if any. */
export function modelOfTable(schema: string, table: string): string | undefined {
  const lines = schema.split('\n');
  return modelBlocks(lines).find((block) =>
    lines.slice(block.start, block.end).some((line) => line.trim() === `@@map("${table}")`),
  )?.name;
}

/**
 * The schema with the new child model (after the parent's last child model, else after the parent)
 * and its list field on the parent model (after the parent's last field).
 */
export function addChildModel(schema: string, names: TableNames): string {
  const lines = schema.split('\n');
  const blocks = modelBlocks(lines);
  if (blocks.some((block) => block.name === names.model)) {
    throw new Error(`prisma/schema.prisma: model ${names.model} exists already.`);
  }
  const existing = modelOfTable(schema, names.table);
  if (existing) {
    throw new Error(`prisma/schema.prisma: model ${existing} maps to "${names.table}" already.`);
  }
  const parent = blocks.find((block) => block.name === names.parentModel);
  if (!parent || modelOfTable(schema, names.parent) !== names.parentModel) {
    throw new Error(
      `prisma/schema.prisma: cannot find model ${names.parentModel} with @@map("${names.parent}") (the parent of ${names.table}).`,
    );
  }
  const relationOfParent = new RegExp(`^\\s+\\w+\\s+${names.parentModel}\\s+@relation\\(`);
  const siblings = blocks.filter((block) =>
    lines.slice(block.start, block.end).some((line) => relationOfParent.test(line)),
  );
  const after = (siblings.at(-1) ?? parent).end;

  // The list field on the parent: after its last field line (the parent comes before its children).
  let lastField = parent.start;
  for (let index = parent.start + 1; index < parent.end; index++) {
    if (isField(lines[index])) lastField = index;
  }
  if (lastField === parent.start) {
    throw new Error(`prisma/schema.prisma: model ${names.parentModel} has no fields to add to.`);
  }
  const indent = /^\s+/.exec(lines[lastField])?.[0] ?? '  ';
  const model = childModel(names);
  if (after < lastField)
    throw new Error('prisma/schema.prisma: a child model precedes its parent.');
  lines.splice(after + 1, 0, '', ...model);
  lines.splice(lastField + 1, 0, `${indent}${names.table} ${names.model}[]`);
  alignFields(lines, parent.start + 1, parent.end + 1);
  return lines.join('\n');
}

/** The migration of a new child table on SQLite, as Prisma's schema engine writes it. */
export function sqliteMigration(names: TableNames): string {
  const { table, foreignKey, parent } = names;
  return `-- CreateTable
CREATE TABLE "${table}" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "${foreignKey}" TEXT NOT NULL,
    CONSTRAINT "${table}_${foreignKey}_fkey" FOREIGN KEY ("${foreignKey}") REFERENCES "${parent}" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "${table}_${foreignKey}_created_idx" ON "${table}"("${foreignKey}", "created");
`;
}

/** The migration of a new child table on PostgreSQL, as Prisma's schema engine writes it. */
export function postgresqlMigration(names: TableNames): string {
  const { table, foreignKey, parent } = names;
  return `-- CreateTable
CREATE TABLE "${table}" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "${foreignKey}" TEXT NOT NULL,

    CONSTRAINT "${table}_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "${table}_${foreignKey}_created_idx" ON "${table}"("${foreignKey}", "created");

-- AddForeignKey
ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${foreignKey}_fkey" FOREIGN KEY ("${foreignKey}") REFERENCES "${parent}"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`;
}

/** `YYYYMMDDHHMMSS` of a time, in UTC as Prisma names migrations. */
function timestampOf(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

/**
 * The next migration's folder name: now, or one second after the latest existing migration when
 * that one is dated later (migrations apply in name order).
 */
export function nextMigrationName(existing: string[], table: string, now = new Date()): string {
  const latest = existing
    .map((name) => /^(\d{14})_/.exec(name)?.[1])
    .filter((stamp): stamp is string => stamp !== undefined)
    .sort()
    .at(-1);
  let stamp = timestampOf(now);
  if (latest && stamp <= latest) {
    const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(latest) ?? [];
    stamp = timestampOf(new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s + 1)));
  }
  const snake = table.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return `${stamp}_add_${snake}`;
}
