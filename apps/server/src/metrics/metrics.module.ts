import { Global, Module } from '@nestjs/common';
import { SYNC_METRICS } from '../notifications/sync-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** Global: the notifications report to its SYNC_METRICS without importing this module. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, { provide: SYNC_METRICS, useExisting: MetricsService }],
  exports: [MetricsService, SYNC_METRICS],
})
export class MetricsModule {}
