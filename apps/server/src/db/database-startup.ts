import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { prepareDatabase } from '@smart-sync/server-db';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from './prisma.service';

/**
 * Brings the database up to date before the app serves: applies pending migrations, then seeds an
 * empty database (unless SEED=false); instances starting at once take turns.
 */
@Injectable()
export class DatabaseStartup implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PrismaService,
  ) {}

  onModuleInit(): Promise<void> {
    const { databaseUrl, seed, seedScale, demoPassword } = this.config;
    return prepareDatabase(databaseUrl, this.db.base, {
      seed,
      seedScale,
      demoPassword,
      log: (line) => this.logger.log(line),
    });
  }
}
