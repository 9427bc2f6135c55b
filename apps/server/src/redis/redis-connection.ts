import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { withoutPassword } from '@smart-sync/server-db';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The longest pause between two attempts to reach Redis. */
const MAX_RETRY_DELAY_MS = 2000;

/**
 * The Redis connections of the socket.io adapter (one to publish, one to subscribe), when
 * REDIS_URL is set. They connect in the background and retry for ever: the server starts and
 * serves its own clients while Redis is down, says so once per outage, and reports it on the
 * readiness probe. When the subscriber comes back after an outage, messages other instances
 * published meanwhile are lost: `onReconnect` listeners make the clients resync.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly pub: Redis | undefined;
  readonly sub: Redis | undefined;
  private readonly reconnectListeners: (() => void)[] = [];
  private closing = false;
  /** The prefix of the adapter's channels (REDIS_KEY_PREFIX). */
  readonly keyPrefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keyPrefix = config.redisKeyPrefix;
    if (!config.redisUrl) return;
    const where = withoutPassword(config.redisUrl);
    this.pub = new Redis(config.redisUrl, {
      retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RETRY_DELAY_MS),
    });
    this.sub = this.pub.duplicate();
    this.watch(this.pub, `${where} (publisher)`, () => undefined);
    this.watch(this.sub, `${where} (subscriber)`, () => {
      for (const listener of this.reconnectListeners) listener();
    });
  }

  /** Calls `listener` each time the subscriber is back after losing its connection. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** Resolves when Redis answers (or is not configured); rejects saying why not. */
  async ping(): Promise<void> {
    if (!this.pub || !this.sub) return;
    for (const client of [this.pub, this.sub]) {
      if (client.status !== 'ready') throw new Error(`Redis connection is ${client.status}`);
    }
    await this.pub.ping();
  }

  onApplicationShutdown(): void {
    this.closing = true;
    this.pub?.disconnect();
    this.sub?.disconnect();
  }

  private watch(client: Redis, where: string, back: () => void): void {
    let lost = false;
    let connectedBefore = false;
    client.on('error', (error: Error) => {
      if (lost) return;
      lost = true;
      this.logger.error(
        `${where} is unreachable (${error.message}); retrying every ${MAX_RETRY_DELAY_MS / 1000} s at most`,
      );
    });
    client.on('close', () => {
      if (connectedBefore && !lost && !this.closing) {
        lost = true;
        this.logger.warn(`${where}: connection lost; reconnecting`);
      }
    });
    client.on('ready', () => {
      const wasLost = lost && connectedBefore;
      lost = false;
      this.logger.log(`${where} is ${connectedBefore ? 'back' : 'connected'}`);
      connectedBefore = true;
      if (wasLost) back();
    });
  }
}
