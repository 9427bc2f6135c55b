import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { changeRecording } from '../notifications/change-recorder';
import { NotificationService } from '../notifications/notification.service';
import { databaseKind, sqliteFilePath } from './database-url';
import { applyMigrations } from './migrations';
import { createPrismaClient, type AppPrismaClient } from './prisma-client';
import { seedDatabase } from './seed';

function recordingClient(base: AppPrismaClient, notifications: NotificationService) {
  return base.$extends(changeRecording((change) => notifications.record(change)));
}

export type RecordingPrismaClient = ReturnType<typeof recordingClient>;

/**
 * The process's one database client. At start-up it applies pending migrations and seeds an empty
 * database (unless SEED=false). Services write through `client`, whose every committed write is
 * announced to the socket.io clients.
 */
@Injectable()
export class PrismaService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Database');
  /** Without change recording: for the seed (no client is connected yet) and test fixtures. */
  readonly base: AppPrismaClient;
  /** The same client and connection, with change recording. */
  readonly client: RecordingPrismaClient;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    notifications: NotificationService,
  ) {
    this.base = createPrismaClient(config.databaseUrl);
    this.client = recordingClient(this.base, notifications);
  }

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
    await seedDatabase(this.base, { scale: seedScale, log: (line) => this.logger.log(line) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.base.$disconnect();
  }
}
