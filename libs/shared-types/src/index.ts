export * from './lib/tables';
export * from './lib/fields';
export * from './lib/interest';
export * from './lib/notification';
export * from './lib/requests';
export * from './lib/rows';
export * from './lib/socket-events';
export * from './lib/auth';
