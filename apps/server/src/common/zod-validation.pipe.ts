import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** `name`, `ids[3]`, `children.indexes[0].id`: where in a request the issue is. */
export function fieldPath(root: string, path: readonly PropertyKey[]): string {
  const joined = path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 && !root ? '' : '.'}${String(key)}`,
    )
    .join('');
  return `${root}${joined}` || 'body';
}

/**
 * Parses a value with a shared-types zod schema; on failure a 400 whose message names the field:
 * `name: must be at most 100 characters`.
 */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  value: unknown,
  root = '',
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: fieldPath(root, issue.path),
    message: issue.message,
  }));
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: issues.map(({ field, message }) => `${field}: ${message}`).join('; '),
    issues,
  });
}

/** Validates a body or param at the edge with a shared-types schema (see {@link parseOrThrow}). */
@Injectable()
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  /** `root` names the whole value in messages, e.g. `ids` for a body that is a list of ids. */
  constructor(
    private readonly schema: T,
    private readonly root = '',
  ) {}

  transform(value: unknown): z.output<T> {
    return parseOrThrow(this.schema, value, this.root);
  }
}
