import { ALL_INTEREST, SOCKET_ID_HEADER } from '@smart-sync/shared-types';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { connectClient, MessageLog, startTestApp, type TestApp } from '../testing/test-app';

/** The value of one sample of the text format (`name{labels} value`), or undefined. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2]?.split(',') ?? [];
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let t: TestApp;
  const scrape = async () => (await request(t.url).get('/metrics').expect(200)).text;

  async function eventually(check: (text: string) => boolean): Promise<string> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const text = await scrape();
      if (check(text)) return text;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the metrics never got there');
  }

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers every series, without a session and outside /api', async () => {
    const response = await request(t.url).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    for (const series of [
      'http_request_duration_seconds',
      'sync_socket_connections',
      'sync_notifications_total',
      'sync_notification_recipients',
      'sync_notify_delay_seconds',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
      'process_cpu_user_seconds_total',
    ]) {
      expect(response.text).toContain(`# TYPE ${series} `);
    }
    await request(t.url).get('/api/metrics').expect(404);
  });

  it('counts a signed-in write: duration by route template, message, recipients, delay', async () => {
    const { base } = t.db;
    const location = await base.location.create({ data: { name: 'metrics location' } });
    const department = await base.department.create({
      data: { name: 'metrics department', locationId: location.id },
    });
    const doc = await base.doc.create({
      data: { name: 'metrics doc', departmentId: department.id },
    });
    const writer = await connectClient(t.url, { cookie: t.cookie, auth: ALL_INTEREST });
    const listener = await connectClient(t.url, { cookie: t.cookie, auth: ALL_INTEREST });
    try {
      const heard = new MessageLog(listener);
      const before = await scrape();
      await t.api
        .put('/api/docs')
        .set(SOCKET_ID_HEADER, writer.id as string)
        .send({ id: doc.id, name: 'renamed' })
        .expect(200);
      await heard.waitFor((m) => m.action === 'update' && m.ids.includes(doc.id));
      const after = await scrape();
      const moved = (name: string, labels?: Record<string, string>) =>
        (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);

      expect(moved('sync_notifications_total', { table: 'docs', action: 'update' })).toBe(1);
      expect(moved('sync_notification_recipients_count')).toBe(1);
      // The listener, not the writer.
      expect(moved('sync_notification_recipients_sum')).toBe(1);
      expect(moved('sync_notify_delay_seconds_count')).toBe(1);
      const put = { method: 'PUT', route: '/api/:table', status: '200' };
      expect(moved('http_request_duration_seconds_count', put)).toBe(1);
      expect(after).not.toContain(doc.id);
    } finally {
      writer.close();
      listener.close();
    }
  });

  it('labels requests no route matched as unmatched', async () => {
    await request(t.url).get('/no/such/route/42').expect(404);
    const text = await scrape();
    const labels = { method: 'GET', route: 'unmatched', status: '404' };
    expect(sample(text, 'http_request_duration_seconds_count', labels)).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('/no/such/route');
  });

  it('follows the sockets connecting and disconnecting', async () => {
    const gauge = (text: string) => sample(text, 'sync_socket_connections');
    await eventually((text) => gauge(text) === 0);
    const sockets: Socket[] = [];
    sockets.push(await connectClient(t.url, { cookie: t.cookie }));
    sockets.push(await connectClient(t.url, { cookie: t.cookie }));
    await eventually((text) => gauge(text) === 2);
    sockets.pop()?.close();
    await eventually((text) => gauge(text) === 1);
    sockets.pop()?.close();
    await eventually((text) => gauge(text) === 0);
  });
});
