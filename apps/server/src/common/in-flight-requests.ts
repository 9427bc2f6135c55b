import type { ServerResponse } from 'node:http';
import type { onRequestHookHandler } from 'fastify';

/** Counts the HTTP requests being answered, so a shutdown can wait for them to finish. */
export class InFlightRequests {
  private count = 0;
  private idleWaiters: (() => void)[] = [];

  /** The hook that counts each request until its response finishes or its socket closes. */
  readonly onRequest: onRequestHookHandler = (_request, reply, done) => {
    this.track(reply.raw);
    done();
  };

  /** Counts one request until `response` finishes or its socket closes. */
  track(response: ServerResponse): void {
    this.count++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.count--;
      if (this.count === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    };
    response.once('finish', finish);
    response.once('close', finish);
  }

  get size(): number {
    return this.count;
  }

  /** Resolves once no request is in flight. */
  idle(): Promise<void> {
    return this.count === 0
      ? Promise.resolve()
      : new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
