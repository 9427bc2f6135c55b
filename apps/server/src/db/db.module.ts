import { Module } from '@nestjs/common';
import { DatabaseStartup } from './database-startup';
import { PrismaService } from './prisma.service';

/**
 * The database: one client per process, migrated and seeded at start-up. It needs a
 * CHANGE_SINK provider from a global module (the notifications module's).
 */
@Module({
  providers: [PrismaService, DatabaseStartup],
  exports: [PrismaService],
})
export class DbModule {}
