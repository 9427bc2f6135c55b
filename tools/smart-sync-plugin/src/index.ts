export { tableGenerator } from './generators/table/generator';
export type { TableGeneratorSchema } from './generators/table/schema';
