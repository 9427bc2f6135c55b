import { type ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { AllExceptionsFilter, describeError } from './all-exceptions.filter';

function httpHost() {
  const response = { code: jest.fn(), send: jest.fn() };
  response.code.mockReturnValue(response);
  const request = { method: 'PUT', url: '/api/docs' };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, response };
}

describe('AllExceptionsFilter', () => {
  let errors: jest.SpyInstance;
  let warnings: jest.SpyInstance;

  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers an unexpected error with a bare 500 and logs it with its cause and stack', () => {
    const { host, response } = httpHost();
    const error = new Error('query failed', { cause: new Error('SQLITE_BUSY') });
    new AllExceptionsFilter().catch(error, host);
    expect(response.code).toHaveBeenCalledWith(500);
    expect(response.send).toHaveBeenCalledWith({
      statusCode: 500,
      message: 'Internal server error',
    });
    expect(errors).toHaveBeenCalledWith(
      'PUT /api/docs → 500: Error: query failed ← caused by Error: SQLITE_BUSY',
      error.stack,
    );
  });

  it('answers an HTTP exception with its own body and logs a warning with its cause', () => {
    const { host, response } = httpHost();
    const cause = Object.assign(new Error('No record was found'), { code: 'P2025' });
    new AllExceptionsFilter().catch(
      new NotFoundException('docs has no row', { cause, description: 'Not Found' }),
      host,
    );
    expect(response.code).toHaveBeenCalledWith(404);
    expect(response.send).toHaveBeenCalledWith({
      statusCode: 404,
      message: 'docs has no row',
      error: 'Not Found',
    });
    expect(warnings).toHaveBeenCalledWith(
      'PUT /api/docs → 404: NotFoundException: docs has no row ← caused by Error P2025: No record was found',
    );
    expect(errors).not.toHaveBeenCalled();
  });

  it('answers an error raised about the request with its 4xx status and message, as a warning', () => {
    const { host, response } = httpHost();
    const refused = Object.assign(new Error(), { statusCode: 415, message: 'unsupported' });
    new AllExceptionsFilter().catch(refused, host);
    expect(response.code).toHaveBeenCalledWith(415);
    expect(response.send).toHaveBeenCalledWith({ statusCode: 415, message: 'unsupported' });
    expect(warnings).toHaveBeenCalledWith('PUT /api/docs → 415: Error: unsupported');
    expect(errors).not.toHaveBeenCalled();
  });

  it('describes values that are not errors', () => {
    expect(describeError('boom')).toBe('boom');
  });
});

describe('describeError', () => {
  it('keeps the last line of a multi-line message', () => {
    const error = new Error(
      '\nInvalid `prisma.doc.update()` invocation:\n\n\nNo record was found for an update.',
    );
    expect(describeError(error)).toBe('Error: No record was found for an update.');
  });
});
