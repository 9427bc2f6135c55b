import { Global, Module } from '@nestjs/common';
import { CHANGE_SINK } from '../db/change-sink';
import { NotificationGateway } from './notification.gateway';
import { NotificationService } from './notification.service';

/**
 * Global: the database layer injects its CHANGE_SINK without importing this module; the tables
 * subscribe sockets to the rows they load through the gateway.
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
  ],
  exports: [CHANGE_SINK, NotificationGateway],
})
export class NotificationsModule {}
