import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  changeRecording,
  createPrismaClient,
  type AppPrismaClient,
  type ChangeSink,
} from '@smart-sync/server-db';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CHANGE_SINK } from './change-sink';

function recordingClient(base: AppPrismaClient, sink: ChangeSink) {
  return base.$extends(changeRecording(sink));
}

export type RecordingPrismaClient = ReturnType<typeof recordingClient>;

/**
 * The process's one database client. Services write through `client`, whose every committed write
 * is reported to the {@link CHANGE_SINK}.
 */
@Injectable()
export class PrismaService implements OnApplicationShutdown {
  /** Without change recording: for the seed (no client is connected yet) and test fixtures. */
  readonly base: AppPrismaClient;
  /** The same client and connection, with change recording. */
  readonly client: RecordingPrismaClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(CHANGE_SINK) sink: ChangeSink) {
    this.base = createPrismaClient(config.databaseUrl);
    this.client = recordingClient(this.base, sink);
  }

  /** After the HTTP server has closed: the requests in flight still had the database. */
  async onApplicationShutdown(): Promise<void> {
    await this.base.$disconnect();
  }
}
