import type { RequestHandler } from 'express';

/** Counts the HTTP requests being answered, so a shutdown can wait for them to finish. */
export class InFlightRequests {
  private count = 0;
  private idleWaiters: (() => void)[] = [];

  /** The middleware that counts each request until its response finishes or its socket closes. */
  readonly middleware: RequestHandler = (_request, response, next) => {
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
    next();
  };

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
