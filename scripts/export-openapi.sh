#!/usr/bin/env bash
# Writes the host's OpenAPI document to angular/openapi.json (the input of `npm run api:generate`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=${OPENAPI_PORT:-5078}
db=$(mktemp -d)/openapi.db
dotnet build src/PilotAssessment.HttpApi.Host -c Release -v q -nologo >/dev/null
(cd src/PilotAssessment.HttpApi.Host && exec dotnet bin/Release/net10.0/PilotAssessment.HttpApi.Host.dll \
  --Urls="http://127.0.0.1:$port" --ConnectionStrings:Default="Data Source=$db" --Database:SeedDemoData=false --BackgroundJobs:Enabled=false \
  --Swagger:Enabled=true --Jwt:SigningKey="$(head -c 48 /dev/urandom | base64 -w0)") >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 1; done
# The served document names the serving host as its server; the Angular client calls its own origin instead.
curl -sf "http://127.0.0.1:$port/swagger/v1/swagger.json" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("servers",None); print(json.dumps(d,indent=2,ensure_ascii=False))' > angular/openapi.json
echo "angular/openapi.json written"
