import type { Config } from 'jest';

/**
 * The Jest configuration of a Node project (server, libs, bench): ts-jest with the project's
 * tsconfig.spec.json. `projectRoot` is relative to the workspace root.
 */
export function nodeProject(projectRoot: string, options: Config = {}): Config {
  const toRoot = projectRoot
    .split('/')
    .map(() => '..')
    .join('/');
  return {
    displayName: projectRoot.split('/').at(-1),
    preset: `${toRoot}/jest.preset.js`,
    testEnvironment: 'node',
    transform: {
      '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    },
    moduleFileExtensions: ['ts', 'js'],
    coverageDirectory: `${toRoot}/coverage/${projectRoot}`,
    ...options,
  };
}

/** For suites that run against real databases on a 2-core machine (PostgreSQL seeds 40,033 rows). */
export const databaseSuites: Config = {
  testTimeout: 30_000,
  // ES modules only: Prisma's WebAssembly schema engine's JS glue, and the Content-Disposition
  // helper of the static-file plugin (Node loads both with require(); Jest needs them transformed).
  transformIgnorePatterns: [
    'node_modules/(?!(@prisma/schema-engine-wasm|@fastify/static/node_modules/content-disposition|content-disposition)/)',
  ],
};
