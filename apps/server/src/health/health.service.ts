import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { PrismaService } from '../db/prisma.service';
import { RedisConnection } from '../redis/redis-connection';

/** How long a readiness check waits for a dependency before calling it down. */
const CHECK_TIMEOUT_MS = 1500;

function withinTimeout(work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthService {
  constructor(
    private readonly db: PrismaService,
    private readonly redis: RedisConnection,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** Resolves when the database answers a query. */
  async ping(): Promise<void> {
    await this.db.client.$queryRawUnsafe('SELECT 1');
  }

  /** The database's health indicator, for the readiness probe. */
  database() {
    return this.indicate('database', () => this.ping(), {});
  }

  /** Redis's health indicator (up when REDIS_URL is not set: nothing to wait for). */
  redisAdapter() {
    return this.indicate('redis', () => this.redis.ping(), {
      configured: this.redis.pub !== undefined,
    });
  }

  private async indicate<Key extends string>(
    key: Key,
    ping: () => Promise<void>,
    data: Record<string, unknown>,
  ) {
    const indicator = this.indicators.check(key);
    try {
      await withinTimeout(ping());
      return indicator.up(data);
    } catch (error) {
      return indicator.down({ ...data, message: (error as Error).message });
    }
  }
}
