import { fileURLToPath } from 'node:url';

/**
 * The server's folders in layer order: a folder imports only from the folders before it, so the
 * folders can never import each other in a loop (config → db → auth → notifications → tables → …).
 * main.ts, app.module.ts and app-setup.ts wire them together and sit above every folder; the
 * integration-test harness (testing/) and specs boot the whole app and are left out.
 */
export const SERVER_LAYERS = [
  'config',
  'common',
  'logging',
  'db',
  'redis',
  'auth',
  'notifications',
  'tables',
  'health',
  'metrics',
  'adapters',
  'client-app',
];
const SERVER_TOP = ['main.ts', 'app.module.ts', 'app-setup.ts', 'testing'];
const SERVER_SRC = 'apps/server/src';

const zones = SERVER_LAYERS.map((folder, index) => ({
  target: `./${SERVER_SRC}/${folder}`,
  from: [...SERVER_LAYERS.slice(index + 1), ...SERVER_TOP].map(
    (above) => `./${SERVER_SRC}/${above}`,
  ),
  message:
    `server layers: ${folder}/ may import only from ` +
    `${SERVER_LAYERS.slice(0, index).join(', ') || 'no other folder'} (ARCHITECTURE.md).`,
}));

export const serverLayers = {
  files: [`${SERVER_SRC}/**/*.ts`],
  ignores: [`${SERVER_SRC}/**/*.spec.ts`, `${SERVER_SRC}/testing/**`],
  rules: {
    'import-x/no-restricted-paths': [
      'error',
      { basePath: fileURLToPath(new URL('../..', import.meta.url)), zones },
    ],
  },
};
