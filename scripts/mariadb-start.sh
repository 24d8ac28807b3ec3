#!/usr/bin/env bash
# Starts a local MariaDB on 127.0.0.1:3306 (if none answers yet) and creates the test account pilot/pilot,
# which may create and drop the throw-away databases the tests use. Needs the mariadb-server package.
set -euo pipefail

ping_pilot() { mariadb-admin --protocol=tcp -h 127.0.0.1 -P 3306 -upilot -ppilot ping >/dev/null 2>&1; }

if ping_pilot; then
  exit 0
fi

if ! command -v mariadbd >/dev/null 2>&1; then
  echo "mariadbd not found: install Debian's mariadb-server (apt-get install mariadb-server)" >&2
  exit 1
fi

if [ "$(id -u)" = "0" ]; then
  datadir=/var/lib/mysql
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  socket=/run/mysqld/mysqld.sock
  user_args=(--user=mysql)
  [ -d "$datadir/mysql" ] || mariadb-install-db --user=mysql --datadir="$datadir" >/dev/null
else
  datadir="${TMPDIR:-/tmp}/pilot-mariadb/data"
  socket="${TMPDIR:-/tmp}/pilot-mariadb/mysqld.sock"
  user_args=()
  mkdir -p "$datadir"
  [ -d "$datadir/mysql" ] || mariadb-install-db --datadir="$datadir" --auth-root-authentication-method=normal >/dev/null
fi

if ! mariadb-admin --socket="$socket" -uroot ping >/dev/null 2>&1; then
  nohup mariadbd "${user_args[@]}" --datadir="$datadir" --socket="$socket" --bind-address=127.0.0.1 --port=3306 \
    --innodb-flush-log-at-trx-commit=2 --skip-log-bin --max-connections=500 >"${TMPDIR:-/tmp}/pilot-mariadb.log" 2>&1 &
fi

for _ in $(seq 1 60); do
  mariadb-admin --socket="$socket" -uroot ping >/dev/null 2>&1 && break
  sleep 1
done

mariadb --socket="$socket" -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'pilot'@'127.0.0.1' IDENTIFIED BY 'pilot';
CREATE USER IF NOT EXISTS 'pilot'@'localhost' IDENTIFIED BY 'pilot';
GRANT ALL PRIVILEGES ON *.* TO 'pilot'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'pilot'@'localhost';
CREATE DATABASE IF NOT EXISTS pilot_assessment CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
FLUSH PRIVILEGES;
SQL

ping_pilot && echo "MariaDB is up on 127.0.0.1:3306 (user pilot)"
