import { Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/app-config';
import { APP_LOGGER, createLogger, LOG_DESTINATION } from './logger';

/**
 * The app's pino logger ({@link APP_LOGGER}) and nestjs-pino, through which Nest's own Logger
 * writes (main.ts and app-setup.ts: `bufferLogs`, `useLogger`). The request logger is a hook that
 * app-setup.ts adds first (`logHttpRequests`), so nestjs-pino only binds each request's logger
 * (`useExisting`). nestjs-pino keeps one root logger per process, for lines logged
 * outside a request: the first app's (one per process but in tests).
 */
@Global()
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_LOGGER],
      useFactory: (logger: Logger) => ({ pinoHttp: { logger }, useExisting: true }),
    }),
  ],
  providers: [
    { provide: LOG_DESTINATION, useValue: null },
    { provide: APP_LOGGER, useFactory: createLogger, inject: [APP_CONFIG, LOG_DESTINATION] },
  ],
  exports: [APP_LOGGER, LoggerModule],
})
export class LoggingModule {}
