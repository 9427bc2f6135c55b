import http from 'node:http';
import { sessionHeaders } from './session';

/** The only host any benchmark ever talks to. */
export const HOST = '127.0.0.1';

export interface JsonResponse<T> {
  status: number;
  body: T;
  headers: http.IncomingHttpHeaders;
}

export interface RequestOptions {
  timeoutMs?: number;
  /** Besides the session's (session.ts), e.g. X-Socket-Id. */
  headers?: Record<string, string>;
}

/** A keep-alive agent: one per simulated browser, or one shared by the coordinator. */
export function keepAliveAgent(maxSockets = 16): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets });
}

/**
 * A small JSON request to 127.0.0.1 (node:http: less overhead and jitter than fetch), with the
 * session's headers.
 */
export function requestJson<T = unknown>(
  port: number,
  method: string,
  path: string,
  body: unknown,
  agent: http.Agent,
  { timeoutMs = 30_000, headers = {} }: RequestOptions = {},
): Promise<JsonResponse<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: HOST,
        port,
        method,
        path,
        agent,
        timeout: timeoutMs,
        headers: {
          ...sessionHeaders(),
          ...headers,
          accept: 'application/json',
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            /* keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T, headers: res.headers });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${path}: timed out after ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Like requestJson, but throws unless the status is 2xx. */
export async function expectJson<T = unknown>(
  port: number,
  method: string,
  path: string,
  body: unknown,
  agent: http.Agent,
  options?: RequestOptions,
): Promise<T> {
  const res = await requestJson<T>(port, method, path, body, agent, options);
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  return res.body;
}
