import { EnvironmentProviders, inject, Injector, provideAppInitializer } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { EntitySignals } from '../entities/entity-signals';
import { NotificationDispatch } from './notification-dispatch';
import { SocketConnection } from './socket-connection';

/**
 * Live updates from the start: every notification that arrives goes to SmartNgRX, and after a
 * reconnect every row in the store is reloaded, since messages may have been missed while offline.
 */
export function provideLiveUpdates(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const connection = inject(SocketConnection);
    const dispatch = inject(NotificationDispatch);
    // Looked up when needed: the signal chain is built once the entities are registered.
    const injector = inject(Injector);
    connection.notifications
      .pipe(takeUntilDestroyed())
      .subscribe((message) => dispatch.receive(message));
    connection.reconnected
      .pipe(takeUntilDestroyed())
      .subscribe(() => injector.get(EntitySignals).reloadAll());
    connection.connect();
  });
}
