import { InjectionToken } from '@angular/core';
import { ServerTable } from '@smart-sync/shared-types/mini';
import { toClientNotification } from '@smart-sync/socket-translation';
import { reloadRows } from '../entities/reload-rows';

/**
 * Loads rows again (a server table's ids) once the answer that brought them is in the store: a
 * macrotask later, because SmartNgRX skips rows that are still loading. Used when that answer may
 * be out of date: it came under a socket id that is gone, or a notification changed the rows while
 * it was on its way. A test replaces it.
 */
export const LOAD_AGAIN = new InjectionToken<(table: ServerTable, ids: string[]) => void>(
  'LOAD_AGAIN',
  {
    providedIn: 'root',
    factory: () => (table, ids) =>
      setTimeout(() => {
        const translated = toClientNotification({ table, action: 'update', ids });
        reloadRows(translated.table, translated.ids);
      }),
  },
);
