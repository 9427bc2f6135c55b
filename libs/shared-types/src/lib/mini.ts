import { en } from 'zod/locales';
import * as z from 'zod/mini';
import type * as classic from '../index';
import { ROLES } from './auth-names';
import { CHILD_TABLES, SERVER_TABLES } from './table-names';
import {
  NO_CONTROL_CHARACTERS,
  NO_CONTROL_CHARACTERS_MESSAGE,
  VISIBLE_CHARACTER,
  VISIBLE_CHARACTER_MESSAGE,
  WELL_FORMED,
  WELL_FORMED_MESSAGE,
} from './text';

/**
 * The wire contract for browsers: the constants, and the schemas a browser parses with, built with
 * `zod/mini` (tree-shakable; classic `zod` would put ~90 kB into the client's first download).
 * Importing `@smart-sync/shared-types` pulls classic `zod` in with any value, so the client takes
 * values from here and types from either. Every name here is also exported by the classic entry
 * with the same value, or the same verdict and issues on any input: mini.spec.ts pins them equal.
 */

// Classic zod's English messages (mini has none of its own): issues read the same as the server's.
z.config(en());

// tables.ts
export { CHILD_TABLES, CRUD_TABLES, PARENT_TABLE, SERVER_TABLES, TOP_ID } from './table-names';

// requests.ts, interest.ts, notification.ts
export const MAX_IDS_PER_LOAD = 1000;
export const MAX_PAGE_LENGTH = 1000;
export const VERSION_CONFLICT_MESSAGE = 'changed by someone else meanwhile';
export const SOCKET_ID_HEADER = 'X-Socket-Id';
export const RELEASE_EVENT = 'release';
export const NOTIFICATION_NAMESPACE = '/data';
export const NOTIFICATION_EVENT = 'message';

// auth.ts
export * from './auth-names';

// first-screen.ts
export * from './first-screen';

// fields.ts
export const ID_MAX_LENGTH = 64;
export const NAME_MAX_LENGTH = 100;

export const idSchema: z.ZodMiniType<string> = z
  .string({ error: 'must be a string id' })
  .check(
    z.minLength(1, { error: 'must not be empty', abort: true }),
    z.maxLength(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`),
    z.regex(WELL_FORMED, { error: WELL_FORMED_MESSAGE, abort: true }),
    z.regex(NO_CONTROL_CHARACTERS, NO_CONTROL_CHARACTERS_MESSAGE),
  );

export const nameSchema: z.ZodMiniType<string> = z
  .string({ error: 'must be a string' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'must not be empty', abort: true }),
    z.maxLength(NAME_MAX_LENGTH, `must be at most ${NAME_MAX_LENGTH} characters`),
    z.regex(WELL_FORMED, { error: WELL_FORMED_MESSAGE, abort: true }),
    z.regex(NO_CONTROL_CHARACTERS, { error: NO_CONTROL_CHARACTERS_MESSAGE, abort: true }),
    z.regex(VISIBLE_CHARACTER, VISIBLE_CHARACTER_MESSAGE),
  );

// requests.ts
export const versionSchema: z.ZodMiniType<number> = z
  .int('must be an integer')
  .check(z.nonnegative('must be 0 or more'));

export const updateBodySchema: z.ZodMiniType<classic.UpdateBody> = z.object({
  id: idSchema,
  name: nameSchema,
  version: z.optional(versionSchema),
});

export const serverTableSchema: z.ZodMiniType<classic.ServerTable> = z.enum(SERVER_TABLES);
export const childTableSchema: z.ZodMiniType<classic.ChildTable> = z.enum(CHILD_TABLES);

// notification.ts
export const notificationActionSchema: z.ZodMiniType<classic.NotificationAction> = z.enum([
  'update',
  'delete',
]);

export const socketNotificationSchema: z.ZodMiniType<classic.SocketNotification> = z.object({
  action: notificationActionSchema,
  table: serverTableSchema,
  ids: z.array(idSchema).check(z.minLength(1, 'ids must name at least one row')),
});

// rows.ts
const rowFields = {
  id: idSchema,
  name: z.string(),
  version: z.int().check(z.positive()),
};

export const topRowSchema: z.ZodMiniType<classic.TopRow> = z.object({
  id: idSchema,
  locations: z.array(idSchema),
});

export const locationRowSchema: z.ZodMiniType<classic.LocationRow> = z.object({
  ...rowFields,
  departments: z.array(idSchema),
});

export const childReferenceSchema: z.ZodMiniType<classic.ChildReference> = z.object({
  table: childTableSchema,
  id: idSchema,
});

export const childIndexPageSchema: z.ZodMiniType<classic.ChildIndexPage> = z.object({
  startIndex: z.int().check(z.nonnegative()),
  length: z.int().check(z.nonnegative()),
  indexes: z.array(childReferenceSchema),
});

export const departmentRowSchema: z.ZodMiniType<classic.DepartmentRow> = z.object({
  ...rowFields,
  children: childIndexPageSchema,
});

export const childRowSchema: z.ZodMiniType<classic.ChildRow> = z.object(rowFields);

// auth.ts
export const roleSchema: z.ZodMiniType<classic.Role> = z.enum(ROLES);

export const locationRightSchema: z.ZodMiniType<classic.LocationRight> = z.object({
  locationId: idSchema,
  role: roleSchema,
});

export const sessionUserSchema: z.ZodMiniType<classic.SessionUser> = z.object({
  username: z.string(),
  admin: z.boolean(),
  rights: z.array(locationRightSchema),
});
