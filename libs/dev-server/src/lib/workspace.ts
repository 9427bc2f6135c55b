import { join, resolve } from 'node:path';

/** The repository root (this file is libs/dev-server/src/lib/workspace.ts; it is never bundled). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/** The production server bundle that `nx build server` writes; it also serves the built client. */
export const SERVER_MAIN = join(WORKSPACE_ROOT, 'dist/apps/server/main.js');
