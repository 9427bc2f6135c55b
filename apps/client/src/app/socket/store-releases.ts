import { effect, inject, Injectable, untracked } from '@angular/core';
import { CLIENT_TABLES, ClientTable } from '@smart-sync/socket-translation';
import { EntitySignals } from '../entities/entity-signals';
import { droppedIds, toReleases } from './releases';
import { SocketConnection } from './socket-connection';
import { SubscribedRows } from './subscribed-rows';

/**
 * Tells the server about every row that leaves SmartNgRX's store, however it left (its garbage
 * collection of rows unread for a while, `removeFromStore`, the temporary row an add replaces), so
 * it stops sending messages about them. Watches each table's ids from the moment it is created.
 */
@Injectable({ providedIn: 'root' })
export class StoreReleases {
  private readonly connection = inject(SocketConnection);
  private readonly subscribed = inject(SubscribedRows);
  private readonly entities = inject(EntitySignals);

  constructor() {
    for (const table of CLIENT_TABLES) {
      this.watch(table);
    }
  }

  private watch(table: ClientTable): void {
    const ids = this.entities.ids[table];
    let held = untracked(ids);
    effect(() => {
      const now = ids();
      const dropped = droppedIds(held, now);
      held = now;
      for (const release of toReleases(table, dropped)) {
        this.connection.release(release);
        this.subscribed.released(release);
      }
    });
  }
}
