#!/usr/bin/env bash
# Adds a migration for both providers: bash scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: add-migration.sh <Name>}
cd "$(dirname "$0")/../src/PilotAssessment.EntityFrameworkCore"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --context SqlitePilotAssessmentDbContext -o Migrations/Sqlite --namespace PilotAssessment.Migrations.Sqlite
dotnet ef migrations add "$name" --context MySqlPilotAssessmentDbContext -o Migrations/MySql --namespace PilotAssessment.Migrations.MySql --no-build
# EF places a new snapshot by namespace; keep it beside its migrations.
for p in Sqlite MySql; do
  if [ -d "PilotAssessment/Migrations/$p" ]; then mv PilotAssessment/Migrations/$p/*.cs Migrations/$p/; fi
done
rm -rf PilotAssessment design-time.db
