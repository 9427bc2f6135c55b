import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DbModule } from '../db/db.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';

/**
 * Sign-in and sessions; the guard that makes every route but the public ones need a session.
 * Global: the socket gateway authenticates its handshakes with the same service. It needs a
 * SESSION_SOCKETS provider from a global module (the notifications module's).
 */
@Global()
@Module({
  imports: [DbModule],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
