const { composePlugins, withNx } = require('@nx/webpack');

// Node build: every npm package stays external (better-sqlite3 is native, Prisma's wasm engine is
// loaded from node_modules at run time).
module.exports = composePlugins(withNx(), (config) => config);
