#!/usr/bin/env bash
# Runs the product on the embedded SQLite database (created, migrated and seeded on first start):
# API, Swagger UI and the admin UI on http://localhost:5000.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Build the admin UI when it is missing or older than its sources.
if [ ! -f angular/dist/index.html ] || [ -n "$(find angular/src angular/package.json -newer angular/dist/index.html -print -quit)" ]; then
  (cd angular && npm ci --no-audit --no-fund && npm run build)
fi

webroot=src/PilotAssessment.HttpApi.Host/wwwroot
rm -rf "$webroot" && mkdir -p "$webroot" && cp -r angular/dist/. "$webroot/"

exec dotnet run --project src/PilotAssessment.HttpApi.Host -c Release -- "$@"
