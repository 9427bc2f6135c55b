import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** The status and message of a request Node's HTTP parser could not take. */
function refusalOf(code: string | undefined): [number, string] {
  if (code === 'HPE_HEADER_OVERFLOW') return [431, 'request headers are larger than 16 kB'];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'the request took too long to arrive'];
  return [400, 'malformed HTTP request'];
}

/**
 * Answers a request the HTTP parser refused (Fastify's `clientErrorHandler`) like Node does, with
 * `Connection: close`, so that a keep-alive client does not send its next request down the socket
 * being closed; and with the app's JSON error body.
 */
export function answerMalformedRequest(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [statusCode, message] = refusalOf(error.code);
  const body = JSON.stringify({ statusCode, message });
  if (socket.writable) {
    const head = [
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}`,
      'Connection: close',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
