import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import type { SocketIoAdapter } from './adapters/socket-io.adapter';
import type { InFlightRequests } from './common/in-flight-requests';
import { NotificationService } from './notifications/notification.service';

const logger = new Logger('Shutdown');

export interface ShutdownParts {
  app: NestFastifyApplication;
  requests: InFlightRequests;
  sockets: SocketIoAdapter;
}

/**
 * Stops the server the way a load balancer expects: stop accepting connections, let the requests
 * in flight finish, send the notifications they caused, close the client sockets (so the clients
 * reconnect to another instance and resync), then close Redis and the database.
 */
export async function shutDown({ app, requests, sockets }: ShutdownParts): Promise<void> {
  const started = performance.now();
  const http: Server = app.getHttpServer();
  http.close();
  http.closeIdleConnections();
  if (requests.size > 0) logger.log(`waiting for ${requests.size} request(s) in flight`);
  await requests.idle();
  app.get(NotificationService).flush();
  sockets.dropClients('the server is shutting down');
  await app.close();
  logger.log(`stopped in ${Math.round(performance.now() - started)} ms`);
}

/**
 * On SIGTERM or SIGINT: {@link shutDown}, then exit 0; exit 1 if that fails or takes longer than
 * `timeoutMs`.
 */
export function shutDownOnSignals(parts: ShutdownParts, timeoutMs: number): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal}: shutting down (at most ${timeoutMs} ms)`);
      setTimeout(() => {
        logger.error(`shutdown took longer than ${timeoutMs} ms; exiting anyway`);
        process.exit(1);
      }, timeoutMs).unref();
      shutDown(parts).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`shutdown failed: ${error instanceof Error ? error.stack : error}`);
          process.exit(1);
        },
      );
    });
  }
}
