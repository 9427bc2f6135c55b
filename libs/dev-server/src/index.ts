export * from './lib/dev-server';
export * from './lib/free-port';
export * from './lib/healthy-process';
export * from './lib/output-tail';
export * from './lib/server-env';
export * from './lib/workspace';
