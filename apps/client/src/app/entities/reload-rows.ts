import { ClientTable } from '@smart-sync/socket-translation';
import { handleSocketNotification } from '@smarttools/smart-signals';
import { isPlaceholderId } from './new-row-id';

/**
 * Makes SmartNgRX fetch these rows from the server again, if it holds them.
 *
 * A workaround, kept to this one function: SmartNgRX 3.0.0 has no public way to reload a row (its
 * docs list marking a row dirty by hand as "coming soon"; the facade that could, `facadeRegistry`,
 * is internal API). The public way to say "these rows changed on the server" is the socket hook,
 * whose `update` marks them dirty and refetches them, so this tells it that, though no server
 * message did. Ids the server cannot know (unsaved rows, virtual-array placeholders) are left out.
 */
export function reloadRows(table: ClientTable, ids: readonly string[]): void {
  const known = ids.filter((id) => !isPlaceholderId(id));
  if (known.length > 0) {
    handleSocketNotification(table, 'update', known);
  }
}
