import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { OriginPolicy } from '../common/origin-policy';
import type { RedisConnection } from '../redis/redis-connection';

const logger = new Logger('Socket');

/**
 * The publisher as the Redis adapter sees it: the adapter publishes without handling a failure,
 * and a publish that fails while Redis is down would end the process as an unhandled rejection.
 * Those messages are lost either way; the clients resync once Redis is back.
 */
function publisherFor(pub: Redis): Redis {
  return new Proxy(pub, {
    get(target, property, receiver) {
      if (property !== 'publish') return Reflect.get(target, property, receiver);
      return (...args: Parameters<Redis['publish']>) =>
        target.publish(...args).catch((error: Error) => {
          logger.warn(`a message could not reach the other instances: ${error.message}`);
          return 0;
        });
    },
  });
}

/**
 * socket.io with the app's origin policy: CORS headers for the configured origins, and a handshake
 * from any other browser origin refused (403) before a connection exists. With Redis, every
 * broadcast and room spans all instances (the official Redis adapter); when Redis comes back from
 * an outage, this instance's clients are disconnected so that they reconnect and resync. Not
 * serving the socket.io client bundle: the Angular app ships its own.
 */
export class SocketIoAdapter extends IoAdapter {
  private server: Server | undefined;

  constructor(
    app: INestApplicationContext,
    private readonly corsOrigins: readonly string[],
    private readonly policy: OriginPolicy,
    private readonly redis?: RedisConnection,
  ) {
    super(app);
    redis?.onReconnect(() => this.dropClients('Redis was unreachable: messages may be missing'));
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      serveClient: false,
      cors: { origin: [...this.corsOrigins] },
      allowRequest: (request, callback) => {
        const { origin, host } = request.headers;
        const allowed = this.policy.allows(origin, host);
        if (!allowed) logger.warn(`handshake refused: origin ${origin} is not allowed`);
        callback(null, allowed);
      },
    } as ServerOptions);
    if (this.redis?.pub && this.redis.sub) {
      server.adapter(
        createAdapter(publisherFor(this.redis.pub), this.redis.sub, { key: this.redis.keyPrefix }),
      );
    }
    this.server = server;
    return server;
  }

  /**
   * Closes this instance's client connections (not a socket.io "server disconnect", after which a
   * client would stay away): the clients reconnect, here or elsewhere, and resync what they hold.
   */
  dropClients(reason: string): void {
    if (!this.server) return;
    const namespaces = [...this.server._nsps.values()];
    const count = namespaces.reduce((sum, namespace) => sum + namespace.sockets.size, 0);
    if (count === 0) return;
    logger.warn(`closing ${count} client connection(s) so they reconnect and resync: ${reason}`);
    // Closing the transport, not disconnecting the socket: socket.io sends a "server disconnect"
    // for the latter, after which the client does not reconnect by itself.
    for (const namespace of namespaces) {
      for (const socket of namespace.sockets.values()) socket.conn.close();
    }
  }
}
