import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isNativeError } from 'node:util/types';

/** A one-line description of an error and its chain of causes. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      // Multi-line messages (Prisma's) end with the line that says what went wrong.
      const message = current.message.trim().split('\n').at(-1)?.trim() ?? '';
      parts.push(`${current.name}${code ? ` ${String(code)}` : ''}: ${message}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' ← caused by ');
}

/**
 * The answer to an error raised about the request itself before any route ran: a body that could
 * not be read (Fastify's own errors, the decompression's, json-body.ts's `bodyRefused`) carries a
 * 4xx `statusCode`.
 */
function clientErrorAnswer(
  exception: unknown,
): { statusCode: number; message: string } | undefined {
  if (!isNativeError(exception)) return undefined;
  const { statusCode } = exception as { statusCode?: unknown };
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500
    ? { statusCode, message: exception.message }
    : undefined;
}

/**
 * Every HTTP error ends here: a JSON body `{ statusCode, message, … }` and never a stack trace.
 * Client errors are logged as warnings with their cause, anything else as an error with its stack.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const where = `${request.method} ${request.url}`;

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const payload =
        typeof body === 'string' ? { statusCode: status, message: body } : (body as object);
      const line = `${where} → ${status}: ${describeError(exception)}`;
      if (status >= 500) this.logger.error(line, exception.stack);
      else this.logger.warn(line);
      void reply.code(status).send(payload);
      return;
    }

    const answer = clientErrorAnswer(exception);
    if (answer) {
      this.logger.warn(`${where} → ${answer.statusCode}: ${describeError(exception)}`);
      void reply.code(answer.statusCode).send(answer);
      return;
    }

    this.logger.error(
      `${where} → 500: ${describeError(exception)}`,
      exception instanceof Error ? exception.stack : undefined,
    );
    void reply
      .code(HttpStatus.INTERNAL_SERVER_ERROR)
      .send({ statusCode: 500, message: 'Internal server error' });
  }
}
