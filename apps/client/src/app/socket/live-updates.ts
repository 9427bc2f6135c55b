import {
  effect,
  EnvironmentProviders,
  inject,
  Injector,
  provideAppInitializer,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Auth } from '../auth/auth';
import { EntitySignals } from '../entities/entity-signals';
import { NotificationDispatch } from './notification-dispatch';
import { SocketConnection } from './socket-connection';
import { StoreReleases } from './store-releases';
import { SubscribedRows } from './subscribed-rows';

/**
 * Live updates while signed in: the socket connects once signed in and closes on sign-out (or
 * when the server says the session is gone); a socket the server refused or closed makes the
 * session be checked again. Every notification that arrives goes to SmartNgRX, and rows that
 * leave the store are released. Each time the socket connects, every row in the store is loaded
 * again: that subscribes the new socket to them (rows loaded before the first connect, or under
 * the previous socket, subscribe nothing it listens to) and catches up on messages missed while
 * offline. The loads carry the new id, as every request reads it when it is sent.
 */
export function provideLiveUpdates(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const auth = inject(Auth);
    const connection = inject(SocketConnection);
    const dispatch = inject(NotificationDispatch);
    const subscribed = inject(SubscribedRows);
    // Looked up when needed: the signal chain is built once the entities are registered.
    const injector = inject(Injector);
    connection.notifications
      .pipe(takeUntilDestroyed())
      .subscribe((message) => dispatch.receive(message));
    connection.connected.pipe(takeUntilDestroyed()).subscribe(() => {
      subscribed.reset();
      injector.get(StoreReleases);
      injector.get(EntitySignals).reloadAll();
    });
    connection.refused.pipe(takeUntilDestroyed()).subscribe(() => void auth.refresh());
    auth.beforeSignOut(() => connection.disconnect());
    // Connects as soon as the session check (or a sign-in) has answered, rather than in the change
    // detection after it: the sooner the socket's id is known, the fewer loads go out without it.
    auth.afterSignIn(() => {
      if (!auth.signingOut()) {
        connection.connect();
      }
    });
    effect(() => {
      if (auth.signedIn() && !auth.signingOut()) {
        connection.connect();
      } else {
        connection.disconnect();
      }
    });
  });
}
