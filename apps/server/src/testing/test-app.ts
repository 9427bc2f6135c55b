import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  NOTIFICATION_EVENT,
  NOTIFICATION_NAMESPACE,
  SESSION_COOKIE,
  type Role,
  type SessionUser,
  type SocketNotification,
} from '@smart-sync/shared-types';
import { createEmptyDatabase, hashPassword } from '@smart-sync/server-db';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { AppModule } from '../app.module';
import { appOptions, configureApp, httpAdapter, type ConfiguredApp } from '../app-setup';
import { newSessionToken, sessionIdOf } from '../auth/session-cookie';
import type { Rights } from '../common/signed-in-user';
import { loadConfig } from '../config/app-config';
import { PrismaService } from '../db/prisma.service';
import { LOG_DESTINATION } from '../logging/logger';

export const ALLOWED_ORIGIN = 'http://allowed.example';

/** Every test user's password (hashed once per test file). */
export const TEST_PASSWORD = 'test-password';
let testPasswordHash: Promise<string> | undefined;

/** An admin's rights, for calling services directly. */
export const ADMIN_RIGHTS: Rights = { admin: true, rights: new Map() };

/** A test user's rights: admin, or a role per location id. */
export type TestRights = 'admin' | Record<string, Role>;

/** A session of a test user, made straight in the database. */
export interface TestSession {
  userId: string;
  sessionId: string;
  /** The `Cookie` header value: `sid=<token>`. */
  cookie: string;
  /** Requests with that cookie (`api.post('/api/top')`). */
  api: ReturnType<typeof request.agent>;
}

/**
 * Creates the user (password {@link TEST_PASSWORD}) unless it exists, gives it `rights` (replacing
 * its grants), and a new session that lasts `ttlMs`.
 */
export async function createTestSession(
  db: PrismaService,
  url: string,
  username: string,
  rights: TestRights,
  ttlMs = 3_600_000,
): Promise<TestSession> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const admin = rights === 'admin';
  const { base } = db;
  const user = await base.user.upsert({
    where: { username },
    create: { username, passwordHash: await testPasswordHash, admin },
    update: { admin },
  });
  await base.grant.deleteMany({ where: { userId: user.id } });
  for (const [locationId, role] of Object.entries(admin ? {} : rights)) {
    await base.grant.create({ data: { userId: user.id, locationId, role } });
  }
  const token = newSessionToken();
  const session = await base.session.create({
    data: { id: sessionIdOf(token), userId: user.id, expiresAt: new Date(Date.now() + ttlMs) },
  });
  const cookie = `${SESSION_COOKIE}=${token}`;
  return {
    userId: user.id,
    sessionId: session.id,
    cookie,
    api: request.agent(url).set('Cookie', cookie),
  };
}

/** Signs in through `POST /api/auth/login`; the session's cookie and requests with it. */
export async function logIn(
  url: string,
  username: string,
  password: string,
): Promise<Pick<TestSession, 'cookie' | 'api'> & { user: SessionUser }> {
  const response = await request(url)
    .post('/api/auth/login')
    .send({ username, password })
    .expect(200);
  const cookie = String(response.headers['set-cookie']?.[0] ?? '').split(';')[0];
  return { cookie, api: request.agent(url).set('Cookie', cookie), user: response.body };
}

export interface TestApp {
  app: NestFastifyApplication;
  /** What a graceful shutdown needs (see graceful-shutdown.ts). */
  configured: ConfiguredApp;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Its DATABASE_URL, for a second instance on the same database. */
  databaseUrl: string;
  db: PrismaService;
  /** The signed-in admin `admin` every test app starts with: its cookie … */
  cookie: string;
  /** … and requests with it. */
  api: TestSession['api'];
  /** Signs a user in (see {@link createTestSession}). */
  signIn(username: string, rights: TestRights, ttlMs?: number): Promise<TestSession>;
  close(): Promise<void>;
}

/** Options of {@link startTestApp} besides the environment. */
export interface TestAppOptions {
  /** Where the app's JSON log lines go instead of stdout (with `LOG_LEVEL` in `env`). */
  logs?: { write(line: string): void };
}

/**
 * The real Nest app, configured as main.ts does, on a database of its own (SQLite, or PostgreSQL
 * when TEST_POSTGRESQL_URL is set), listening on a free port.
 * `env` overrides the test defaults: SEED=false, CORS_ORIGINS=http://allowed.example, no client,
 * LOG_LEVEL=error.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'smart-sync-app-'));
  // A database of its own, unless the test shares one between apps (instances).
  const database = env['DATABASE_URL']
    ? { url: env['DATABASE_URL'], drop: async () => undefined }
    : await createEmptyDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    SEED: 'false',
    CORS_ORIGINS: ALLOWED_ORIGIN,
    LOG_LEVEL: 'error',
    CLIENT_DIR: join(dir, 'no-client'),
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config)],
  })
    .overrideProvider(LOG_DESTINATION)
    .useValue(options.logs ?? null)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    httpAdapter(),
    appOptions(config),
  );
  const configured = await configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const db = app.get(PrismaService);
  const signIn = (username: string, rights: TestRights, ttlMs?: number) =>
    createTestSession(db, url, username, rights, ttlMs);
  const admin = await signIn('admin', 'admin');
  return {
    app,
    configured,
    databaseUrl: database.url,
    url,
    db,
    cookie: admin.cookie,
    api: admin.api,
    signIn,
    async close() {
      await app.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A socket.io client on the notification namespace, connected (or refused). */
export function connectClient(
  url: string,
  options: {
    /** The session cookie (`sid=…`); without one the handshake is refused. */
    cookie?: string;
    origin?: string;
    transports?: ('polling' | 'websocket')[];
    /** Handshake auth, e.g. ALL_INTEREST to hear every message. */
    auth?: Record<string, unknown>;
  } = {},
): Promise<Socket> {
  const headers: Record<string, string> = {};
  if (options.origin) headers['Origin'] = options.origin;
  if (options.cookie) headers['Cookie'] = options.cookie;
  const socket = io(`${url}${NOTIFICATION_NAMESPACE}`, {
    forceNew: true,
    auth: options.auth,
    reconnection: false,
    transports: options.transports ?? ['websocket'],
    extraHeaders: headers,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Collects every notification a socket receives, and waits for particular ones. */
export class MessageLog {
  readonly messages: SocketNotification[] = [];
  private waiters: { test: (m: SocketNotification) => boolean; resolve: () => void }[] = [];

  constructor(socket: Socket) {
    socket.on(NOTIFICATION_EVENT, (message: SocketNotification) => {
      this.messages.push(message);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.test(message)) return true;
        waiter.resolve();
        return false;
      });
    });
  }

  /** Resolves once a received message (past or future) passes `test`. */
  waitFor(test: (message: SocketNotification) => boolean, timeoutMs = 5000): Promise<void> {
    if (this.messages.some(test)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(
            `no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Returns the messages so far and forgets them. */
  take(): SocketNotification[] {
    return this.messages.splice(0);
  }
}

/** Messages merged per (action, table), ids in arrival order: what one tick's coalescing sends. */
export function coalesced(messages: SocketNotification[]): SocketNotification[] {
  const merged = new Map<string, SocketNotification>();
  for (const { action, table, ids } of messages) {
    const key = `${action}:${table}`;
    const entry = merged.get(key);
    merged.set(key, entry ? { ...entry, ids: [...entry.ids, ...ids] } : { action, table, ids });
  }
  return [...merged.values()];
}
