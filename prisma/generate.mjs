// Runs `prisma generate` for both providers on machines that cannot download Prisma's native
// engines. The `prisma-client` generator needs no engine, but the CLI insists that a schema-engine
// binary exists before it starts; it never runs it for `generate`, so any existing file satisfies it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { POSTGRESQL_SCHEMA, SQLITE_SCHEMA, writePostgresqlSchema } from './provider-schemas.mjs';

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

writePostgresqlSchema();
const prismaCli = require.resolve('prisma/build/index.js');
for (const schema of [SQLITE_SCHEMA, POSTGRESQL_SCHEMA]) {
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema], {
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) {
    console.error(`prisma generate (${schema}) failed: the server cannot build without it.`);
    process.exit(result.status ?? 1);
  }
}
