/** The e2e servers' data: seeded in well under a second, yet with many rows per department. */
export const E2E_SEED_SCALE = 0.01;
