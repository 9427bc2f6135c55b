export default {
  displayName: 'server',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // Integration tests against real databases on a 2-core machine (PostgreSQL seeds 40,033 rows).
  testTimeout: 30_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // Prisma's WebAssembly schema engine ships its JS glue as an ES module only.
  transformIgnorePatterns: ['node_modules/(?!@prisma/schema-engine-wasm/)'],
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/apps/server',
};
