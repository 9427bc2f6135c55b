import { BadRequestException } from '@nestjs/common';
import { loadByIdsBodySchema, updateBodySchema } from '@smart-sync/shared-types';
import { fieldPath, ZodValidationPipe } from './zod-validation.pipe';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { message: string }).message;
  }
  throw new Error('expected a BadRequestException');
}

describe('ZodValidationPipe', () => {
  it('returns the parsed value', () => {
    expect(new ZodValidationPipe(updateBodySchema).transform({ id: 'a', name: ' x ' })).toEqual({
      id: 'a',
      name: 'x',
    });
  });

  it('names the failing field in the message', () => {
    const pipe = new ZodValidationPipe(updateBodySchema);
    expect(messageOf(() => pipe.transform({ id: 'a', name: 'n'.repeat(101) }))).toBe(
      'name: must be at most 100 characters',
    );
    expect(messageOf(() => pipe.transform(undefined))).toMatch(/^body: /);
  });

  it('names an element of a list by its index under the root name', () => {
    const pipe = new ZodValidationPipe(loadByIdsBodySchema, 'ids');
    expect(messageOf(() => pipe.transform(['a', 2]))).toBe('ids[1]: must be a string id');
    expect(messageOf(() => pipe.transform({}))).toBe('ids: body must be an array of ids');
  });

  it('builds dotted paths', () => {
    expect(fieldPath('', ['children', 'indexes', 0, 'id'])).toBe('children.indexes[0].id');
    expect(fieldPath('', [])).toBe('body');
  });
});
