#!/usr/bin/env bash
# `npm run verify:generator`: the acceptance check of the table generator (issue 15 item 4).
# Copies a commit of this repo (default HEAD) to a temp folder, runs
# `nx g @smart-sync/plugin:table whiteboards --parent departments` there, and proves that adding
# the table needed nothing else: a second run refuses, the migrations are what `npm run db:diff`
# writes for each provider, every edited file is prettier-clean, the touched projects lint and
# type-check, their unit specs and the server's notification contract specs pass, and a
# two-browser Playwright spec renames and adds a whiteboard in A and sees it in B.
#
# Environment: VERIFY_REV (commit to copy, default HEAD), VERIFY_TABLE (default whiteboards),
# VERIFY_KEEP=1 (keep the temp folder), TEST_POSTGRESQL_URL (PostgreSQL for the db:diff and
# schema checks; skipped when unreachable), VERIFY_E2E_PORT (default 3190).
set -euo pipefail

REPO=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
REV=${VERIFY_REV:-HEAD}
TABLE=${VERIFY_TABLE:-whiteboards}
PG_URL=${TEST_POSTGRESQL_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/table-generator-XXXXXX")
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/table-generator-scratch-XXXXXX")
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=${CI:-true}
started=$SECONDS

cleanup() {
  local status=$?
  if [[ -n ${VERIFY_KEEP:-} ]]; then
    echo "Kept the copy in $WORK"
  else
    rm -rf "$WORK"
  fi
  rm -rf "$SCRATCH"
  if [[ $status -eq 0 ]]; then
    echo "verify-table-generator: PASSED in $((SECONDS - started)) s"
  else
    echo "verify-table-generator: FAILED (exit $status) after $((SECONDS - started)) s" >&2
  fi
}
trap cleanup EXIT

step() { printf '\n=== %s  [%d s]\n' "$1" $((SECONDS - started)); }

step "Copy $REV ($(git -C "$REPO" rev-parse --short "$REV")) to $WORK"
git -C "$REPO" archive "$REV" | tar -x -C "$WORK"
ln -s "$REPO/node_modules" "$WORK/node_modules"
cd "$WORK"
git init -q && git add -A && git -c user.name=verify -c user.email=verify@localhost commit -qm base
node prisma/generate.mjs >"$SCRATCH/generate.log" 2>&1 || { cat "$SCRATCH/generate.log"; exit 1; }
cp prisma/schema.prisma "$SCRATCH/before.prisma"
cp prisma/postgresql/schema.prisma "$SCRATCH/before-postgresql.prisma"

step "nx g @smart-sync/plugin:table $TABLE --parent departments"
npx nx g @smart-sync/plugin:table "$TABLE" --parent departments --no-interactive
git add -A
git status --short

step "A second run refuses"
if npx nx g @smart-sync/plugin:table "$TABLE" --parent departments --no-interactive \
  >"$SCRATCH/second.log" 2>&1; then
  echo "The second run succeeded" >&2
  exit 1
fi
grep -o "Table \"$TABLE\" exists already in .*" "$SCRATCH/second.log"
git diff --quiet && [[ -z $(git ls-files --others --exclude-standard) ]] ||
  { echo "The second run changed files" >&2; git status --short; exit 1; }

step "The migrations are what npm run db:diff writes"
migration=$(git diff --cached --name-only HEAD -- prisma/migrations | cut -d/ -f3 | head -1)
DATABASE_URL="file:$SCRATCH/diff.db" npx tsx prisma/diff.ts "$SCRATCH/before.prisma" \
  >"$SCRATCH/sqlite.sql"
diff -u "$SCRATCH/sqlite.sql" "prisma/migrations/$migration/migration.sql"
echo "sqlite: prisma/migrations/$migration/migration.sql = db:diff"
if pg_isready -q -d "$PG_URL" 2>/dev/null; then
  DATABASE_URL="$PG_URL" npx tsx prisma/diff.ts "$SCRATCH/before-postgresql.prisma" \
    >"$SCRATCH/postgresql.sql"
  diff -u "$SCRATCH/postgresql.sql" "prisma/postgresql/migrations/$migration/migration.sql"
  echo "postgresql: prisma/postgresql/migrations/$migration/migration.sql = db:diff"
else
  echo "postgresql: SKIPPED (no server at $PG_URL)"
  PG_URL=
fi

step "Prettier on every file the generator wrote"
git diff --cached --name-only HEAD | xargs npx prettier --check --ignore-unknown

step "Lint and typecheck"
npx nx run-many -t lint typecheck --skip-nx-cache --outputStyle=static \
  -p shared-types socket-translation server-db server client client-e2e prisma smart-sync-plugin
for config in libs/shared-types/tsconfig.lib.json libs/shared-types/tsconfig.spec.json \
  libs/socket-translation/tsconfig.lib.json libs/socket-translation/tsconfig.spec.json \
  libs/server-db/tsconfig.lib.json libs/server-db/tsconfig.spec.json \
  apps/server/tsconfig.app.json apps/server/tsconfig.spec.json \
  apps/client/tsconfig.app.json; do
  npx tsc --noEmit -p "$config"
  echo "tsc -p $config: ok"
done

step "Unit specs: shared-types (mini twin), socket-translation, server-db registry and migrations"
npx jest -c libs/shared-types/jest.config.ts
npx jest -c libs/socket-translation/jest.config.ts
npx jest -c libs/server-db/jest.config.ts --runInBand table-registry migrations schema-diff seed
if [[ -n $PG_URL ]]; then
  TEST_POSTGRESQL_URL="$PG_URL" npx jest -c libs/server-db/jest.config.ts --runInBand schema-diff
fi

step "The server's notification contract specs (every CRUD table, $TABLE included)"
npx jest -c apps/server/jest.config.ts apps/server/src/tables/tables.notifications.spec.ts

step "Build server and client; the two-browser spec of $TABLE"
npx nx run-many -t build -p server client --skip-nx-cache --outputStyle=static
E2E_PORT=${VERIFY_E2E_PORT:-3190} npx playwright test -c apps/client-e2e/playwright.config.ts \
  "src/$TABLE.spec.ts" --reporter=list
