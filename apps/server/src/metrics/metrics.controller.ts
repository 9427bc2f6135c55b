import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { Public } from '../auth/public.decorator';
import { METRICS_PATH, MetricsService } from './metrics.service';

/**
 * `GET /metrics` (outside `/api`), for Prometheus. Public like health: a scraper has no session.
 * Not for the internet: the proxy in front keeps it to the scraper (README, deploy/).
 */
@Public()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get(METRICS_PATH)
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
