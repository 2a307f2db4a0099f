#!/usr/bin/env bash
# The database's share of one saga transition, measured (issue 12): N transactions shaped like a saga step's
# (inbox INSERT, state SELECT ... FOR UPDATE, state UPDATE, outbox INSERT with the outbox's two secondary indexes,
# COMMIT), sent one after another by the mariadb client over loopback; prints the MariaDB server's CPU per
# transaction (from /proc/<mariadbd>/stat) and the wall time per transaction. Bounded (N, default 2,000), on a
# scratch schema it drops at the end. Needs the local server (127.0.0.1:3306, root) and runs on its host.
#
#   infra/bench/db-floor.sh [N]
set -euo pipefail
N=${1:-2000}
DB=bench_db_floor_$$
SQL="mariadb -h 127.0.0.1 -P 3306 -u root"
PID=$(pgrep -x mariadbd || pgrep -x mysqld) || { echo "no local mariadbd/mysqld process: run this on the database host" >&2; exit 1; }
trap '$SQL -e "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true; rm -f "$TMP"' EXIT
TMP=$(mktemp)
$SQL -e "CREATE DATABASE $DB;
  CREATE TABLE $DB.inbox (message_id VARCHAR(64) PRIMARY KEY, consumer VARCHAR(64) NOT NULL, processed_at DATETIME(6) NOT NULL);
  CREATE TABLE $DB.saga (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL, data TEXT NOT NULL, version BIGINT NOT NULL,
    updated_at DATETIME(6) NOT NULL);
  CREATE TABLE $DB.outbox (id BIGINT PRIMARY KEY, slot INT NOT NULL, topic VARCHAR(64) NOT NULL, msg_key VARCHAR(64),
    payload TEXT NOT NULL, status VARCHAR(16) NOT NULL, created_at DATETIME(6) NOT NULL, KEY (status, slot, id), KEY (created_at));"
{
  for i in $(seq 1 "$N"); do
    echo "INSERT INTO saga VALUES ($i, 'RUNNING', '{\"order_id\":\"$i\",\"amount\":5000}', 0, NOW(6));"
  done
} | $SQL "$DB" >/dev/null
{
  for i in $(seq 1 "$N"); do
    echo "BEGIN;"
    echo "INSERT INTO inbox VALUES ('msg-$i-0f1e2d3c4b5a', 'order-service', NOW(6));"
    echo "SELECT id, status, data, version FROM saga WHERE id = $i FOR UPDATE;"
    echo "UPDATE saga SET data = '{\"order_id\":\"$i\",\"amount\":5000,\"step\":2}', version = version + 1, updated_at = NOW(6) WHERE id = $i;"
    echo "INSERT INTO outbox VALUES ($i, $((i % 1024)), 'point.commands', '$i', '{\"order_id\":\"$i\",\"user_id\":\"42\",\"amount\":5000}', 'PENDING', NOW(6));"
    echo "COMMIT;"
  done
} >"$TMP"
hz=$(getconf CLK_TCK)
cpu0=$(awk '{print $14 + $15}' "/proc/$PID/stat"); t0=$(date +%s%N)
$SQL "$DB" <"$TMP" >/dev/null
cpu1=$(awk '{print $14 + $15}' "/proc/$PID/stat"); t1=$(date +%s%N)
printf 'transactions: %d\nserver CPU per transaction: %.3f ms\nwall per transaction (one client, commit = log flush): %.3f ms\n' \
  "$N" "$(echo "($cpu1 - $cpu0) * 1000 / $hz / $N" | bc -l)" "$(echo "($t1 - $t0) / 1000000 / $N" | bc -l)"
