import { DevServer, type DevServerOptions } from './dev-server';
import { CLUSTER_PACKAGES_HINT } from './executables';
import { freePorts } from './free-port';
import {
  createTempPostgresDatabase,
  dropPostgresDatabase,
  postgresProblem,
} from './postgres-database';
import { startRedisServer, type RedisServer } from './redis-server';

/** The PostgreSQL server a cluster makes its database on, unless told otherwise. */
export const DEFAULT_POSTGRESQL_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface DevClusterOptions extends Omit<
  DevServerOptions,
  'port' | 'databaseUrl' | 'redisUrl' | 'healthPath'
> {
  /** How many server instances (default 2). */
  instances?: number;
  /** Any database of the PostgreSQL server to create the cluster's own database on. */
  postgresqlServer?: string;
  /** The new database is named `<prefix>_<random>` (default `smart_sync_cluster`). */
  databasePrefix?: string;
  /**
   * Called with the new database's URL as soon as it exists, e.g. to drop it on Ctrl-C while the
   * instances are still starting.
   */
  onDatabase?: (url: string) => void;
}

/**
 * The production topology without its load balancer, every part of it the caller's own: a new
 * PostgreSQL database, a redis-server on a free port, and `instances` built servers on free ports
 * sharing both (REDIS_URL: a broadcast of one instance reaches the clients of all). The instances
 * start at once on the empty database (one migrates and seeds it under an advisory lock); start()
 * resolves once every one of them is ready (`/api/health/ready`: database and Redis answer).
 */
export class DevCluster {
  private constructor(
    /** `postgresql://…/<prefix>_<random>`: dropped by dispose(). */
    readonly databaseUrl: string,
    readonly redis: RedisServer,
    /** Instance 1, instance 2, … */
    readonly instances: readonly DevServer[],
  ) {}

  /**
   * Creates the database, starts Redis and the instances. When any part fails, stops and drops
   * what it had made and throws why (with how to install what is missing).
   */
  static async start(options: DevClusterOptions = {}): Promise<DevCluster> {
    const {
      instances: count = 2,
      postgresqlServer = DEFAULT_POSTGRESQL_SERVER,
      databasePrefix = 'smart_sync_cluster',
      onDatabase,
      ...serverOptions
    } = options;
    const problem = await postgresProblem(postgresqlServer);
    if (problem) {
      throw new Error(
        `${problem}. A cluster needs PostgreSQL and redis-server (\`${CLUSTER_PACKAGES_HINT}\`); ` +
          'start PostgreSQL (trust auth for postgres on 127.0.0.1), or point at another server.',
      );
    }
    const [redisPort, ...ports] = await freePorts(1 + count);
    const databaseUrl = await createTempPostgresDatabase(postgresqlServer, databasePrefix);
    onDatabase?.(databaseUrl);
    let redis: RedisServer | undefined;
    const instances: DevServer[] = [];
    try {
      redis = await startRedisServer({ port: redisPort, onSpawn: serverOptions.onSpawn });
      const redisUrl = redis.url;
      for (const port of ports) {
        instances.push(
          new DevServer({
            ...serverOptions,
            port,
            databaseUrl,
            redisUrl,
            healthPath: '/api/health/ready',
          }),
        );
      }
      const started = await Promise.allSettled(instances.map((instance) => instance.start()));
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      return new DevCluster(databaseUrl, redis, instances);
    } catch (error) {
      await Promise.all(instances.map((instance) => instance.stop()));
      await redis?.stop();
      await dropPostgresDatabase(databaseUrl);
      throw error;
    }
  }

  /** Stops the instances (together), then Redis, and drops the database. */
  async dispose(): Promise<void> {
    await Promise.all(this.instances.map((instance) => instance.stop()));
    await this.redis.stop();
    await dropPostgresDatabase(this.databaseUrl);
  }
}
