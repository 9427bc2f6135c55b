import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { from, type Observable, switchMap } from 'rxjs';
import { requestContext } from '../common/request-context';
import { NotificationGateway } from './notification.gateway';

/**
 * An X-Socket-Id header counts (for subscribing the socket to what it loads, and for leaving it
 * out of its own writes' messages) only when the socket belongs to the signed-in user; a header
 * naming anyone else's socket is dropped before the route runs.
 */
@Injectable()
export class SocketOwnerInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Interest');

  constructor(private readonly gateway: NotificationGateway) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = requestContext();
    const { socketId, user } = request;
    if (context.getType() !== 'http' || !socketId) return next.handle();
    const owned = user ? this.gateway.belongsTo(socketId, user.id) : Promise.resolve(false);
    return from(owned).pipe(
      switchMap((belongs) => {
        if (!belongs) {
          this.logger.warn(`ignored X-Socket-Id ${socketId}: not a socket of the signed-in user`);
          request.socketId = undefined;
        }
        return next.handle();
      }),
    );
  }
}
