import * as z from 'zod';
import { serverTableSchema } from './tables';
import { idSchema } from './fields';

export const notificationActionSchema = z.enum(['update', 'delete']);

/** What the server emits on the `/data` namespace after every committed mutation. */
export const socketNotificationSchema = z.object({
  action: notificationActionSchema,
  table: serverTableSchema,
  ids: z.array(idSchema).min(1, 'ids must name at least one row'),
});

export type NotificationAction = z.infer<typeof notificationActionSchema>;
export type SocketNotification = z.infer<typeof socketNotificationSchema>;

/** socket.io namespace and event the notifications travel on. */
export const NOTIFICATION_NAMESPACE = '/data';
export const NOTIFICATION_EVENT = 'message';
