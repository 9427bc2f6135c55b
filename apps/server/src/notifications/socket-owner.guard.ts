import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { requestContext } from '../common/request-context';
import { NotificationGateway } from './notification.gateway';

/**
 * An X-Socket-Id header counts (for subscribing the socket to what it loads, and for leaving it
 * out of its own writes' messages) only when the socket belongs to the signed-in user; a header
 * naming anyone else's socket is dropped before the route runs. It never refuses a request.
 *
 * A guard rather than an interceptor: with no interceptor at all, Nest calls the route without
 * its per-request rxjs pipeline. It must run after the AuthGuard, which puts the user in the
 * request context: global guards run in the order their modules are registered, and AuthModule
 * comes before NotificationsModule in AppModule (socket-access.integration.spec checks both ways).
 */
@Injectable()
export class SocketOwnerGuard implements CanActivate {
  private readonly logger = new Logger('Interest');

  constructor(private readonly gateway: NotificationGateway) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = requestContext();
    const { socketId, user } = request;
    if (!socketId) return true;
    const belongs = user ? await this.gateway.belongsTo(socketId, user.id) : false;
    if (!belongs) {
      this.logger.warn(`ignored X-Socket-Id ${socketId}: not a socket of the signed-in user`);
      request.socketId = undefined;
    }
    return true;
  }
}
