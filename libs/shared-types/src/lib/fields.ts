import * as z from 'zod';
import {
  NO_CONTROL_CHARACTERS,
  NO_CONTROL_CHARACTERS_MESSAGE,
  VISIBLE_CHARACTER,
  VISIBLE_CHARACTER_MESSAGE,
  WELL_FORMED,
  WELL_FORMED_MESSAGE,
} from './text';

export const ID_MAX_LENGTH = 64;
export const NAME_MAX_LENGTH = 100;

/** Lengths count code points (zod does; an emoji is 1), as stored: lone surrogates are refused. */
export const idSchema = z
  .string({ error: 'must be a string id' })
  .min(1, { error: 'must not be empty', abort: true })
  .max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`)
  .regex(WELL_FORMED, { error: WELL_FORMED_MESSAGE, abort: true })
  .regex(NO_CONTROL_CHARACTERS, NO_CONTROL_CHARACTERS_MESSAGE);

/** A row's name: trimmed, then 1–100 code points of Unicode text with something visible (text.ts). */
export const nameSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, { error: 'must not be empty', abort: true })
  .max(NAME_MAX_LENGTH, `must be at most ${NAME_MAX_LENGTH} characters`)
  .regex(WELL_FORMED, { error: WELL_FORMED_MESSAGE, abort: true })
  .regex(NO_CONTROL_CHARACTERS, { error: NO_CONTROL_CHARACTERS_MESSAGE, abort: true })
  .regex(VISIBLE_CHARACTER, VISIBLE_CHARACTER_MESSAGE);
