/** The e2e servers' data: seeded in well under a second, yet with many rows per department. */
export const E2E_SEED_SCALE = 0.01;

/** What the seed writes at E2E_SEED_SCALE: 3 locations, 30 departments, 100 each of 4 children. */
export const E2E_SEEDED_ROWS = 3 + 30 + 4 * 100;

/** The synced tables, as the database names them: the seeded rows above (users are apart). */
export const SYNCED_TABLE_NAMES = [
  'locations',
  'departments',
  'docs',
  'folders',
  'lists',
  'sprintFolders',
];
