import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { applyMigrations, databaseKind, seedDatabase, sqliteFilePath } from '@smart-sync/server-db';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from './prisma.service';

/**
 * Brings the database up to date before the app serves: applies pending migrations, then seeds an
 * empty database (unless SEED=false).
 */
@Injectable()
export class DatabaseStartup implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PrismaService,
  ) {}

  async onModuleInit(): Promise<void> {
    const { databaseUrl, seed, seedScale } = this.config;
    const where =
      databaseKind(databaseUrl) === 'sqlite' ? sqliteFilePath(databaseUrl) : databaseUrl;
    const started = performance.now();
    const applied = await applyMigrations(databaseUrl);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    this.logger.log(
      applied.length > 0
        ? `${where}: applied ${applied.length} migration(s) (${applied.join(', ')}) in ${seconds} s`
        : `${where}: schema up to date (${seconds} s)`,
    );
    if (!seed) {
      this.logger.log('Seed disabled (SEED=false)');
      return;
    }
    await seedDatabase(this.db.base, { scale: seedScale, log: (line) => this.logger.log(line) });
  }
}
