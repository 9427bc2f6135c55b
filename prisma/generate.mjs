// Runs `prisma generate` on machines that cannot download Prisma's native engines.
// The `prisma-client` generator needs no engine, but the CLI insists that a schema-engine binary
// exists before it starts; it never runs it for `generate`, so any existing file satisfies it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

const prismaCli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaCli, 'generate'], { stdio: 'inherit', env });
if (result.status !== 0) {
  console.error('prisma generate failed: the server cannot build without the generated client.');
  process.exit(result.status ?? 1);
}
