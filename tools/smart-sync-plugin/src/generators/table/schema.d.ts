export interface TableGeneratorSchema {
  /** The server table: plural camelCase (`whiteboards`). */
  name: string;
  /** The parent table; only `departments` is supported. */
  parent?: string;
  /** The Prisma model; default derived from `name` (`Whiteboard`). */
  model?: string;
  /** The tree's singular label; default derived from the model (`Whiteboard`). */
  label?: string;
  /** Material Symbols ligature for the tree. */
  icon?: string;
  /** Skip `node prisma/generate.mjs` after the files are written. */
  skipPrismaGenerate?: boolean;
}
