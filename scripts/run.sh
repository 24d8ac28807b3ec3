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

# The demo's signing key: random, made once per installation and kept beside the embedded database.
if [ -z "${Jwt__SigningKey:-}" ]; then
  keyfile=src/PilotAssessment.HttpApi.Host/App_Data/jwt-signing-key
  if [ ! -s "$keyfile" ]; then
    mkdir -p "$(dirname "$keyfile")" && (umask 077 && head -c 48 /dev/urandom | base64 -w0 >"$keyfile")
  fi
  export Jwt__SigningKey="$(cat "$keyfile")"
fi

exec dotnet run --project src/PilotAssessment.HttpApi.Host -c Release -- --Swagger:Enabled=true "$@"
