#!/usr/bin/env bash
# Runs the product as a province deploys it: MariaDB, two hosts on one database and nginx in front of them as the
# load balancer, all on loopback. Open http://127.0.0.1:${CLUSTER_PORT:-8080}. Ctrl-C stops everything.
# Needs Debian's mariadb-server and nginx (apt-get install mariadb-server nginx).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=${CLUSTER_PORT:-8080}
database=${CLUSTER_DATABASE:-pilot_cluster}
work=$(mktemp -d /tmp/pilot-cluster.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped; logs were in $work"
}
trap cleanup EXIT INT TERM

bash scripts/mariadb-start.sh
mysql -upilot -ppilot -h127.0.0.1 -e "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

if [ ! -f angular/dist/index.html ]; then
  (cd angular && npm ci --no-audit --no-fund && npm run build)
fi
webroot=src/PilotAssessment.HttpApi.Host/wwwroot
rm -rf "$webroot" && mkdir -p "$webroot" && cp -r angular/dist/. "$webroot/"
dotnet build src/PilotAssessment.HttpApi.Host -c Release -v q -nologo
host_dll=src/PilotAssessment.HttpApi.Host/bin/Release/net10.0/PilotAssessment.HttpApi.Host.dll

# Both hosts sign with the same key and share the database; the first migrates and seeds the demo, then the second starts.
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=MySql
export ConnectionStrings__Default="Server=127.0.0.1;Port=3306;User ID=pilot;Password=pilot;Database=$database"
export Jwt__SigningKey=${Jwt__SigningKey:-$(head -c 48 /dev/urandom | base64 -w0)}
export ForwardedHeaders__KnownProxies__0=127.0.0.1
export Swagger__Enabled=true
start_host() {
  local host_port=$1 migrate=$2
  # From the project folder: its appsettings.json and the admin UI in wwwroot.
  (cd src/PilotAssessment.HttpApi.Host && Database__MigrateOnStartup=$migrate exec dotnet "${host_dll#src/PilotAssessment.HttpApi.Host/}" --urls "http://127.0.0.1:$host_port") \
    >"$work/host-$host_port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$host_port/health/ready" >/dev/null && return 0
    sleep 1
  done
  echo "host on $host_port did not become ready; see $work/host-$host_port.log" >&2
  return 1
}
start_host 5101 true
start_host 5102 false

cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '\$remote_addr \$request_method \$uri \$status \$upstream_addr';
  access_log $work/nginx-access.log upstream;
  client_max_body_size 60m;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  upstream pilot {
    server 127.0.0.1:5101 max_fails=1 fail_timeout=30s;
    server 127.0.0.1:5102 max_fails=1 fail_timeout=30s;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://pilot;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g "daemon off;" &
pids+=($!)
echo "two hosts (5101, 5102) behind nginx on http://127.0.0.1:$port; logs in $work"
wait
