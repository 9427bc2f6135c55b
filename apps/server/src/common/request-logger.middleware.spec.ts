import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { logRequests } from './request-logger.middleware';

describe('logRequests', () => {
  it('logs one debug line per answered request', () => {
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    const response = Object.assign(new EventEmitter(), { statusCode: 204 });
    const next = jest.fn();
    logRequests()(
      { method: 'DELETE', originalUrl: '/api/docs/1' } as Request,
      response as unknown as Response,
      next,
    );
    expect(next).toHaveBeenCalled();
    expect(debug).not.toHaveBeenCalled();
    response.emit('finish');
    expect(debug).toHaveBeenCalledTimes(1);
    expect(debug.mock.calls[0][0]).toMatch(/^DELETE \/api\/docs\/1 204 \d+\.\d ms$/);
    debug.mockRestore();
  });
});
