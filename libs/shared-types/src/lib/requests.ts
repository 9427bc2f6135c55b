import * as z from 'zod';
import { idSchema, nameSchema } from './fields';

export const MAX_IDS_PER_LOAD = 1000;
export const MAX_PAGE_LENGTH = 1000;

/** Body of `POST /api/<table>`: the ids to load. */
export const loadByIdsBodySchema = z
  .array(idSchema, { error: 'body must be an array of ids' })
  .max(MAX_IDS_PER_LOAD, `at most ${MAX_IDS_PER_LOAD} ids per request`);

/** A row's version: 1 when created, one more with every write. */
export const versionSchema = z.int('must be an integer').nonnegative('must be 0 or more');

/**
 * Body of `PUT /api/<table>`. With `version` (the version the client edited) the rename is made
 * only if the row still has it, else 409 {@link VersionConflict}; without, the last writer wins.
 */
export const updateBodySchema = z.object({
  id: idSchema,
  name: nameSchema,
  version: versionSchema.optional(),
});

/** The message of a 409 to a rename whose `version` the row has moved on from. */
export const VERSION_CONFLICT_MESSAGE = 'changed by someone else meanwhile';

/** The body of that 409: nothing was written; `current` is the row as its load returns it. */
export interface VersionConflict<Row = unknown> {
  statusCode: 409;
  message: typeof VERSION_CONFLICT_MESSAGE;
  current: Row;
}

/** Body of `POST /api/<table>/add` for every table with a parent row. */
export const addChildBodySchema = z.object({ name: nameSchema, parentId: idSchema });

/** Body of `POST /api/locations/add`: locations hang off the virtual top row. */
export const addLocationBodySchema = z.object({ name: nameSchema });

/** Body of `POST /api/departments/indexes`: one page of a department's children. */
export const indexPageRequestSchema = z.object({
  parentId: idSchema,
  startIndex: z.int('must be an integer').nonnegative('must be 0 or more'),
  length: z
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(MAX_PAGE_LENGTH, `must be at most ${MAX_PAGE_LENGTH}`),
});

export type LoadByIdsBody = z.infer<typeof loadByIdsBodySchema>;
export type UpdateBody = z.infer<typeof updateBodySchema>;
export type AddChildBody = z.infer<typeof addChildBodySchema>;
export type AddLocationBody = z.infer<typeof addLocationBodySchema>;
export type IndexPageRequest = z.infer<typeof indexPageRequestSchema>;
