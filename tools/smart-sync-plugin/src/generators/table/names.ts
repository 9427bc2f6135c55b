import type { TableGeneratorSchema } from './schema';

/** Every name a new table goes by, derived once from the generator's options. */
export interface TableNames {
  /** Server table, as the database, the wire and shared-types name it: `sprintFolders`. */
  table: string;
  /** Prisma model: `SprintFolder`. */
  model: string;
  /** The client id prefix of a department child: `sprint-folders` (`sprint-folders:ID`). */
  idPrefix: string;
  /** The tree's singular label: `Sprint folder`. */
  label: string;
  /** Material Symbols ligature. */
  icon: string;
  /** Parent table (`departments`) and its Prisma model (`Department`). */
  parent: string;
  parentModel: string;
  /** Foreign key column and relation field on the new model: `departmentId`, `department`. */
  foreignKey: string;
  relation: string;
}

const TABLE_NAME = /^[a-z][a-zA-Z0-9]*s$/;
const MODEL_NAME = /^[A-Z][a-zA-Z0-9]*$/;

/** The parents the generator can add a child table to, with their Prisma model. */
export const SUPPORTED_PARENTS: Readonly<Record<string, string>> = { departments: 'Department' };

function singular(plural: string): string {
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  if (/(ss|sh|ch|x)es$/.test(plural)) return plural.slice(0, -2);
  return plural.slice(0, -1);
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const uncapitalize = (word: string) => word.charAt(0).toLowerCase() + word.slice(1);
const words = (camel: string) => camel.split(/(?=[A-Z])/).map((word) => word.toLowerCase());

export function tableNames(options: TableGeneratorSchema): TableNames {
  const table = options.name?.trim() ?? '';
  if (!TABLE_NAME.test(table)) {
    throw new Error(
      `Table name "${table}": use the server table's name, plural camelCase (e.g. whiteboards, sprintFolders).`,
    );
  }
  const parent = options.parent ?? 'departments';
  const parentModel = SUPPORTED_PARENTS[parent];
  if (!parentModel) {
    throw new Error(
      `--parent ${parent}: not supported. The generator adds department child kinds only ` +
        `(--parent ${Object.keys(SUPPORTED_PARENTS).join(' | ')}); a table under another parent ` +
        'also needs its own client entity, effect service and tree level (see ARCHITECTURE.md, "Where to add … A table").',
    );
  }
  const model = options.model ?? capitalize(singular(table));
  if (!MODEL_NAME.test(model)) {
    throw new Error(
      `--model ${model}: a Prisma model name is singular PascalCase (e.g. Whiteboard).`,
    );
  }
  const [first, ...rest] = words(model);
  const relation = uncapitalize(parentModel);
  return {
    table,
    model,
    idPrefix: words(table).join('-'),
    label: options.label?.trim() || [capitalize(first), ...rest].join(' '),
    icon: options.icon ?? 'article',
    parent,
    parentModel,
    foreignKey: `${relation}Id`,
    relation,
  };
}
