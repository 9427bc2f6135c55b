import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { API_PREFIX, appOptions, configureApp, httpAdapter, listenHost } from './app-setup';
import { loadConfig } from './config/app-config';
import { shutDownOnSignals } from './graceful-shutdown';

async function bootstrap(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    httpAdapter(),
    appOptions(config),
  );
  const configured = await configureApp(app, config);
  shutDownOnSignals({ app, ...configured }, config.shutdownTimeoutMs);
  await app.listen(config.port, listenHost());
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  Logger.log(
    `Listening on http://localhost:${config.port}/${API_PREFIX} (started in ${seconds} s)`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  // Before (or instead of) Nest's logger: the configuration or the database failed.
  console.error('The server failed to start:', error instanceof Error ? error.message : error);
  if (error instanceof Error && error.cause) console.error('Cause:', error.cause);
  process.exit(1);
});
