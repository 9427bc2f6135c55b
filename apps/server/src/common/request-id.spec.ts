import type { IncomingMessage, ServerResponse } from 'node:http';
import { assignRequestId, requestIdOf } from './request-id';

function exchange(header?: string) {
  const request = { headers: header === undefined ? {} : { 'x-request-id': header } };
  const headers = new Map<string, unknown>();
  const response = { setHeader: (name: string, value: unknown) => headers.set(name, value) };
  return {
    request: request as IncomingMessage,
    response: response as unknown as ServerResponse,
    headers,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('assignRequestId', () => {
  it('keeps a sane incoming id and echoes it', () => {
    const { request, response, headers } = exchange('Root=1-67891233-abcdef012345678912345678');
    const id = assignRequestId(request, response);
    expect(id).toBe('Root=1-67891233-abcdef012345678912345678');
    expect(headers.get('X-Request-Id')).toBe(id);
    expect(requestIdOf(request)).toBe(id);
  });

  it.each([
    ['none', undefined],
    ['empty', ''],
    ['spaces', 'a b'],
    ['a quote', 'a"b'],
    ['a newline', 'a\nb'],
    ['too long', 'x'.repeat(129)],
  ])('makes a UUID when the incoming one is %s', (_what, header) => {
    const { request, response, headers } = exchange(header);
    const id = assignRequestId(request, response);
    expect(id).toMatch(UUID);
    expect(headers.get('X-Request-Id')).toBe(id);
  });

  it('chooses once per request', () => {
    const { request, response } = exchange();
    expect(assignRequestId(request, response)).toBe(assignRequestId(request, response));
    expect(requestIdOf(exchange().request)).toBeUndefined();
  });
});
