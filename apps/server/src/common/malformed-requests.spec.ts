import type { Socket } from 'node:net';
import { answerMalformedRequest } from './malformed-requests';

function fakeSocket() {
  const written: string[] = [];
  const socket = {
    destroyed: false,
    writable: true,
    write: (chunk: string) => written.push(chunk),
    destroy: jest.fn(),
  };
  return { socket, written };
}

describe('answerMalformedRequest', () => {
  it('answers oversized headers with 431, a JSON body and Connection: close, then closes', () => {
    const { socket, written } = fakeSocket();
    const error = Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW' });
    answerMalformedRequest(error, socket as unknown as Socket);
    const [head, body] = written.join('').split('\r\n\r\n');
    expect(head?.split('\r\n')).toEqual(
      expect.arrayContaining([
        'HTTP/1.1 431 Request Header Fields Too Large',
        'Connection: close',
        'Content-Type: application/json',
      ]),
    );
    expect(JSON.parse(body ?? '')).toEqual({
      statusCode: 431,
      message: 'request headers are larger than 16 kB',
    });
    expect(socket.destroy).toHaveBeenCalledWith(error);
  });

  it('answers anything else the parser refuses with 400', () => {
    const { socket, written } = fakeSocket();
    answerMalformedRequest(
      Object.assign(new Error('Invalid method'), { code: 'HPE_INVALID_METHOD' }),
      socket as unknown as Socket,
    );
    expect(written.join('')).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  });

  it('writes nothing to a connection the client reset', () => {
    const { socket, written } = fakeSocket();
    answerMalformedRequest(
      Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      socket as unknown as Socket,
    );
    expect(written).toEqual([]);
    expect(socket.destroy).not.toHaveBeenCalled();
  });
});
