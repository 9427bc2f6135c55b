import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DbModule } from '../db/db.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [DbModule, TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
