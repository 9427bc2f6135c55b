import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import {
  AUTH_LOGIN_PATH,
  AUTH_LOGOUT_PATH,
  AUTH_ME_PATH,
  loginBodySchema,
  type LoginBody,
  type SessionUser,
} from '@smart-sync/shared-types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toSessionUser } from '../common/signed-in-user';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { currentUser } from './current-user';
import { LoginThrottle } from './login-throttle';
import { Public } from './public.decorator';
import { cameOverHttps, sessionCookie } from './session-cookie';
import { SESSION_SOCKETS, type SessionSockets } from './session-sockets';

/** The one answer to a wrong username and to a wrong password. */
export const WRONG_CREDENTIALS = 'wrong username or password';

/** Sign-in, sign-out and who is signed in. Passwords and cookies are never logged. */
@Controller()
export class AuthController {
  private readonly throttle = new LoginThrottle();

  constructor(
    private readonly auth: AuthService,
    @Inject(SESSION_SOCKETS) private readonly sockets: SessionSockets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new session (never one the browser already had: no session fixation) and its cookie. */
  @Public()
  @Post(AUTH_LOGIN_PATH)
  @HttpCode(200)
  async login(
    @Body(new ZodValidationPipe(loginBodySchema)) { username, password }: LoginBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionUser> {
    const wait = this.throttle.retryAfterSeconds(username);
    if (wait > 0) {
      void reply.header('Retry-After', String(wait));
      throw new HttpException(
        {
          statusCode: 429,
          message: `too many failed sign-ins for this username; try again in ${wait} s`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const session = await this.auth.login(username, password);
    if (!session) {
      this.throttle.failed(username);
      throw new UnauthorizedException({ statusCode: 401, message: WRONG_CREDENTIALS });
    }
    this.throttle.succeeded(username);
    const maxAge = this.config.sessionTtlMs / 1000;
    void reply.header(
      'Set-Cookie',
      sessionCookie(session.token, maxAge, cameOverHttps(request.raw)),
    );
    return toSessionUser(session.user);
  }

  /** Revokes the session on every instance, closes its sockets and clears the cookie. */
  @Post(AUTH_LOGOUT_PATH)
  @HttpCode(204)
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const { sessionId } = currentUser();
    await this.auth.logout(sessionId);
    this.sockets.disconnectSession(sessionId);
    void reply.header('Set-Cookie', sessionCookie('', 0, cameOverHttps(request.raw)));
  }

  @Get(AUTH_ME_PATH)
  me(): SessionUser {
    return toSessionUser(currentUser());
  }
}
