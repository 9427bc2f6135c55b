export * from './lib/activity-page';
export * from './lib/api';
export * from './lib/browsers';
export * from './lib/tree-page';
export * from './lib/sign-in';
export * from './lib/sign-in-page';
