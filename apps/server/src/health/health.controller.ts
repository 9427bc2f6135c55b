import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

/** Public: load balancers probe without a session. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly checks: HealthCheckService,
  ) {}

  /** Liveness: 200 `{ status: 'ok' }` when the database answers, else 503. */
  @Get()
  async check(): Promise<{ status: 'ok' }> {
    try {
      await this.health.ping();
    } catch (cause) {
      throw new ServiceUnavailableException(
        { statusCode: 503, status: 'error', message: 'the database does not answer' },
        { cause },
      );
    }
    return { status: 'ok' };
  }

  /**
   * Readiness, for a load balancer: 200 when the database and Redis (if configured) answer, else
   * 503 naming what is down.
   */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.checks.check([() => this.health.database(), () => this.health.redisAdapter()]);
  }
}
