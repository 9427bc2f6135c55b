export { CLIENT_TABLES, DEPARTMENT_CHILDREN, TABLE_MAP } from './lib/table-map';
export type { ClientTable, TableMapping } from './lib/table-map';
export { toClientId, toClientNotification, toClientTable, toServerRef } from './lib/translation';
export type { ClientNotification, ServerRef } from './lib/translation';
