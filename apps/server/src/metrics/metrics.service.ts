import { Injectable } from '@nestjs/common';
import type { onRequestHookHandler } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { routeOf } from '../common/route-template';
import type { SentNotification, SyncMetrics } from '../notifications/sync-metrics';

/** Where Prometheus scrapes, outside `/api` (see app-setup.ts). */
export const METRICS_PATH = 'metrics';

/**
 * This instance's metrics, in a registry of its own (not prom-client's global one: every app in a
 * test process counts apart, and each instance of a cluster exposes its own). Node's default
 * metrics (event-loop lag, heap, GC, CPU) are in it too.
 */
@Injectable()
export class MetricsService implements SyncMetrics {
  readonly registry = new Registry();

  private readonly requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route template (`unmatched` when none) and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly sockets = new Gauge({
    name: 'sync_socket_connections',
    help: 'Sockets connected to this instance’s /data namespace',
    registers: [this.registry],
  });

  private readonly notifications = new Counter({
    name: 'sync_notifications_total',
    help: 'Notification messages this instance emitted, by table and action',
    labelNames: ['table', 'action'],
    registers: [this.registry],
  });

  private readonly recipients = new Histogram({
    name: 'sync_notification_recipients',
    help: 'Sockets on this instance a message went to (the writer left out)',
    buckets: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
    registers: [this.registry],
  });

  private readonly notifyDelay = new Histogram({
    name: 'sync_notify_delay_seconds',
    help: 'From the commit of a message’s first change to its emit',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Times every request from here on, labelled once answered. */
  measureRequests(): onRequestHookHandler {
    return (request, reply, done) => {
      const end = this.requestDuration.startTimer();
      reply.raw.once('finish', () =>
        end({ method: request.method, route: routeOf(request), status: reply.statusCode }),
      );
      done();
    };
  }

  socketConnected(): void {
    this.sockets.inc();
  }

  socketDisconnected(): void {
    this.sockets.dec();
  }

  notificationSent({ table, action, recipients, delaySeconds }: SentNotification): void {
    this.notifications.inc({ table, action });
    this.recipients.observe(recipients);
    this.notifyDelay.observe(delaySeconds);
  }

  /** Everything, in Prometheus' text format. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
