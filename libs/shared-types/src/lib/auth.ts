import * as z from 'zod';
import { idSchema } from './fields';
import {
  NO_CONTROL_CHARACTERS,
  NO_CONTROL_CHARACTERS_MESSAGE,
  WELL_FORMED,
  WELL_FORMED_MESSAGE,
} from './text';
import { ROLES } from './auth-names';

/**
 * Identity and access — the contract between the browser and the server:
 * - `POST /api/auth/login` {@link LoginBody} → 200 {@link SessionUser} and the session cookie
 *   ({@link SESSION_COOKIE}: HttpOnly, SameSite=Lax, Path=/, Secure over https). A wrong user or
 *   password → 401 with one message for both; repeated failures for one username → 429.
 * - `POST /api/auth/logout` → 204: the session is revoked on every instance and its sockets close.
 * - `GET /api/auth/me` → 200 {@link SessionUser}, or 401.
 * - Every other `/api` route except health → 401 without a valid session.
 * - Rights are per location and cover everything under it. Reads leave out what the user may not
 *   read; a write to a row the user may read but not edit → 403, may not read → 404; adding or
 *   deleting a location needs `admin`.
 * - The `/data` socket's handshake is authenticated by the same cookie (refused without one), and
 *   it only ever hears about rows its user may read.
 */
export * from './auth-names';

export const USERNAME_MAX_LENGTH = 64;
export const PASSWORD_MAX_LENGTH = 256;

/** Body of `POST /api/auth/login`. */
export const loginBodySchema = z.object({
  username: z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(USERNAME_MAX_LENGTH, `must be at most ${USERNAME_MAX_LENGTH} characters`)
    // Looked up in the database: PostgreSQL refuses a NUL in text (text.ts).
    .regex(WELL_FORMED, { error: WELL_FORMED_MESSAGE, abort: true })
    .regex(NO_CONTROL_CHARACTERS, NO_CONTROL_CHARACTERS_MESSAGE),
  password: z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
});

export const roleSchema = z.enum(ROLES);

export const locationRightSchema = z.object({ locationId: idSchema, role: roleSchema });

/**
 * The signed-in user (`GET /api/auth/me`, and the answer of a login). An admin reads and edits
 * everything and alone adds or deletes locations; `rights` then is empty.
 */
export const sessionUserSchema = z.object({
  username: z.string(),
  admin: z.boolean(),
  rights: z.array(locationRightSchema),
});

export type LoginBody = z.infer<typeof loginBodySchema>;
export type Role = z.infer<typeof roleSchema>;
export type LocationRight = z.infer<typeof locationRightSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
