#!/usr/bin/env bash
# Runs every test: .NET unit, database (SQLite and MariaDB) and HTTP tests; the Angular lint, format check,
# unit tests and production build; and the browser end-to-end tests against the real host in Chromium.
# MariaDB is started locally unless PILOT_TEST_MYSQL names a server.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log_dir=${TEST_LOG_DIR:-$root/artifacts/test-logs}
mkdir -p "$log_dir"

passed=0
failed=0
failures=()

step() { echo; echo "=== $1"; }
fail() { failures+=("$1"); }

step "MariaDB"
if [ -z "${PILOT_TEST_MYSQL:-}" ]; then
  bash scripts/mariadb-start.sh || fail "mariadb"
fi

step ".NET tests (SQLite and MariaDB)"
dotnet test aspnet-core.sln -c Release 2>&1 | tee "$log_dir/dotnet-test.log"
[ "${PIPESTATUS[0]}" = 0 ] || fail "dotnet test"
# "Passed!  - Failed:     0, Passed:    32, Skipped: ..." per test assembly
while read -r f p; do
  failed=$((failed + f)); passed=$((passed + p))
done < <(sed -nE 's/.*(Passed|Failed)! +- +Failed: +([0-9]+), +Passed: +([0-9]+).*/\2 \3/p' "$log_dir/dotnet-test.log")

step "Angular: install, lint, format, unit tests, production build"
(
  set -e
  cd angular
  npm ci --no-audit --no-fund
  npm run lint
  npm run format:check
  npm test 2>&1 | tee "$log_dir/angular-test.log"
  npm run build 2>&1 | tee "$log_dir/angular-build.log"
) || fail "angular"
if [ -f "$log_dir/angular-test.log" ]; then
  read -r p f < <(sed -nE 's/\x1b\[[0-9;]*m//g; s/^ *Tests +(([0-9]+) failed \| )?([0-9]+) passed.*/\3 \2/p' "$log_dir/angular-test.log" | tail -1; echo "0 0")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
fi

step "End-to-end: README's run command on a fresh embedded database, driven in Chromium"
e2e_db=$(mktemp -d)/e2e.db
port=${E2E_PORT:-5055}
base="http://127.0.0.1:$port"
setsid bash scripts/run.sh --Urls="$base" --ConnectionStrings:Default="Data Source=$e2e_db" \
  --RateLimiting:SignInPermitsPerMinute=1000 --BackgroundJobs:Enabled=false >"$log_dir/e2e-host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 180); do
  curl -sf "$base/health/ready" >/dev/null && break
  sleep 1
done
if curl -sf "$base/health/ready" >/dev/null && curl -sf "$base/swagger/v1/swagger.json" >/dev/null && curl -sf "$base/" | grep -q "<app-root"; then
  echo "the run command serves /health/ready, Swagger and the admin UI"
  curl -sf "$base/swagger/v1/swagger.json" >"$log_dir/openapi.json"
  (cd angular && npx redocly lint --config ../redocly.yaml --max-problems 1000 "$log_dir/openapi.json" 2>&1) | tee "$log_dir/openapi-lint.log"
  if [ "${PIPESTATUS[0]}" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fail "openapi lint"; fi
  (cd angular && E2E_BASE_URL="$base" npm run e2e 2>&1) | tee "$log_dir/e2e.log"
  [ "${PIPESTATUS[0]}" = 0 ] || fail "e2e"
  p=$(sed -nE 's/\x1b\[[0-9;]*m//g; s/^ *([0-9]+) passed.*/\1/p' "$log_dir/e2e.log" | tail -1)
  f=$(sed -nE 's/\x1b\[[0-9;]*m//g; s/^ *([0-9]+) failed.*/\1/p' "$log_dir/e2e.log" | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
else
  echo "the run command did not serve health, Swagger and the UI; see $log_dir/e2e-host.log"
  fail "run command"
fi
kill -- -"$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null

echo
if [ ${#failures[@]} -gt 0 ]; then
  echo "Failed steps: ${failures[*]}"
  [ "$failed" -gt 0 ] || failed=1
fi
echo "tests: $passed passed, $failed failed"
# A failed test counts even when its runner exited 0.
[ ${#failures[@]} -eq 0 ] && [ "$failed" -eq 0 ]
