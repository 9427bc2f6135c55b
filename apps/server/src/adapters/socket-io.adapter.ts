import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { OriginPolicy } from '../common/origin-policy';

const logger = new Logger('Socket');

/**
 * socket.io with the app's origin policy: CORS headers for the configured origins, and a handshake
 * from any other browser origin refused (403) before a connection exists. Not serving the
 * socket.io client bundle: the Angular app ships its own.
 */
export class SocketIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly corsOrigins: readonly string[],
    private readonly policy: OriginPolicy,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
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
  }
}
