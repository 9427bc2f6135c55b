import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { requestContext } from '../common/request-context';
import { AuthService } from './auth.service';
import { signInFirst } from './current-user';
import { PUBLIC_ROUTE } from './public.decorator';

/**
 * Every HTTP route needs a valid session unless it is {@link Public}: 401 `sign in first`
 * otherwise. The user goes into the request context. (The socket's handshake is checked by the
 * gateway, with the same lookup.)
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const user = await this.auth.userOfCookie(request.headers.cookie);
    if (!user) throw signInFirst();
    requestContext().user = user;
    return true;
  }
}
