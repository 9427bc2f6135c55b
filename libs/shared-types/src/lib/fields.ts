import * as z from 'zod';

export const ID_MAX_LENGTH = 64;
export const NAME_MAX_LENGTH = 100;

export const idSchema = z
  .string({ error: 'must be a string id' })
  .min(1, 'must not be empty')
  .max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`);

export const nameSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(NAME_MAX_LENGTH, `must be at most ${NAME_MAX_LENGTH} characters`);
