import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 `{ status: 'ok' }` when the database answers, else 503. */
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
}
