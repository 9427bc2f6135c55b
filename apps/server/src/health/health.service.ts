import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { PrismaService } from '../db/prisma.service';
import { withinTime } from '../common/within-time';
import { RedisConnection } from '../redis/redis-connection';

/** How long a readiness check waits for a dependency before calling it down. */
const CHECK_TIMEOUT_MS = 1500;

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
      await withinTime(ping(), CHECK_TIMEOUT_MS);
      return indicator.up(data);
    } catch (error) {
      return indicator.down({ ...data, message: (error as Error).message });
    }
  }
}
