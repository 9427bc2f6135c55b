/**
 * Injection token of the `ChangeSink` the database client reports committed writes to. The
 * notifications module provides it, so the database layer never imports the layers above it.
 */
export const CHANGE_SINK = Symbol('CHANGE_SINK');
