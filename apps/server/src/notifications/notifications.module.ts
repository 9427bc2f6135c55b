import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SESSION_SOCKETS } from '../auth/session-sockets';
import { CHANGE_SINK } from '../db/change-sink';
import { NotificationGateway } from './notification.gateway';
import { NotificationService } from './notification.service';
import { SocketOwnerGuard } from './socket-owner.guard';

/**
 * Global: the database layer injects its CHANGE_SINK and the auth layer its SESSION_SOCKETS
 * without importing this module; the tables subscribe sockets to the rows they load through the
 * gateway.
 */
@Global()
@Module({
  providers: [
    NotificationGateway,
    NotificationService,
    {
      provide: CHANGE_SINK,
      useFactory: (notifications: NotificationService) => notifications.record.bind(notifications),
      inject: [NotificationService],
    },
    { provide: SESSION_SOCKETS, useExisting: NotificationGateway },
    { provide: APP_GUARD, useClass: SocketOwnerGuard },
  ],
  exports: [CHANGE_SINK, SESSION_SOCKETS, NotificationGateway],
})
export class NotificationsModule {}
