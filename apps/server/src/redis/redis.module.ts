import { Global, Module } from '@nestjs/common';
import { RedisConnection } from './redis-connection';

/** Redis for the socket.io adapter, when REDIS_URL is set; global for the health checks. */
@Global()
@Module({
  providers: [RedisConnection],
  exports: [RedisConnection],
})
export class RedisModule {}
