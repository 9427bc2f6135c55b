import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';

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
 * Every HTTP error ends here: a JSON body `{ statusCode, message, … }` and never a stack trace.
 * Client errors are logged as warnings with their cause, anything else as an error with its stack.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const where = `${request.method} ${request.originalUrl}`;

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const payload =
        typeof body === 'string' ? { statusCode: status, message: body } : (body as object);
      const line = `${where} → ${status}: ${describeError(exception)}`;
      if (status >= 500) this.logger.error(line, exception.stack);
      else this.logger.warn(line);
      response.status(status).json(payload);
      return;
    }

    this.logger.error(
      `${where} → 500: ${describeError(exception)}`,
      exception instanceof Error ? exception.stack : undefined,
    );
    response
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ statusCode: 500, message: 'Internal server error' });
  }
}
