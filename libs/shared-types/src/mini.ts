/**
 * The browser's entry to the wire contract (`@smart-sync/shared-types/mini`): its constants and
 * the schemas a browser parses with, built with `zod/mini`, and the contract's types. The main
 * entry stays the server's (classic `zod`), and pulls classic `zod` in with any value.
 */
export * from './lib/mini';
export type { ChildTable, CrudTable, ServerTable } from './lib/tables';
export type {
  AddChildBody,
  AddLocationBody,
  IndexPageRequest,
  LoadByIdsBody,
  UpdateBody,
  VersionConflict,
} from './lib/requests';
export type { Release } from './lib/interest';
export type { NotificationAction, SocketNotification } from './lib/notification';
export type {
  ChildIndexPage,
  ChildReference,
  ChildRow,
  DepartmentRow,
  LocationRow,
  TopRow,
} from './lib/rows';
export type { ClientToServerEvents, ServerToClientEvents } from './lib/socket-events';
export type { LocationRight, LoginBody, Role, SessionUser } from './lib/auth';
