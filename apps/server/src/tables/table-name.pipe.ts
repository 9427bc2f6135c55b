import { Injectable, NotFoundException, type PipeTransform } from '@nestjs/common';
import { crudTableSchema, type CrudTable } from '@smart-sync/shared-types';

/** The `:table` route parameter: a table the registry knows, else 404 (no such resource). */
@Injectable()
export class TableNamePipe implements PipeTransform<string, CrudTable> {
  transform(value: string): CrudTable {
    const parsed = crudTableSchema.safeParse(value);
    if (!parsed.success) throw new NotFoundException(`Unknown table "${value}"`);
    return parsed.data;
  }
}
