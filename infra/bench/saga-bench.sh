#!/usr/bin/env bash
# Charge-then-order saga benchmark (issue 12): starts its own stack on loopback (KRaft broker, the mock PG, order-,
# coupon-, point- and payment-service with production JVM flags, each on fresh sagabench_* schemas), runs the
# SagaBench harness (ramp to saturation; prints completed sagas/s, p50/p99 POST -> COMPLETED, time per saga step),
# prints the CPU each process used, and stops exactly what it started. Bounded: warm-up + stages + drains.
#
#   flock -o /tmp/mvnlock/lock infra/bench/saga-bench.sh [--rates=50,100,...] [--stage-seconds=20] ...
#
# Needs the services' jars (./mvnw -pl order-service,coupon-service,point-service,payment-service -am package
# -DskipTests) and infra/kafka-broker built. Ports 18081-18084 (services), 19181-19184 (actuator), 19090 (mock PG),
# 19092/19093 (broker). JVM flags: SAGA_BENCH_JVM_OPTS (services), defaults below; SAGA_BENCH_APP_ARGS: more Spring
# arguments for every service (e.g. --platform.payment.listener-concurrency=6).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
VERSION=0.1.0-SNAPSHOT
DIR=${SAGA_BENCH_DIR:-/tmp/saga-bench}
APP_OPTS=${SAGA_BENCH_JVM_OPTS:-"-XX:+UseG1GC -Xms512m -Xmx512m -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC"}
KAFKA_OPTS=${SAGA_BENCH_KAFKA_OPTS:-"-XX:+UseG1GC -Xms512m -Xmx512m -Duser.timezone=UTC"}
PG_OPTS=${SAGA_BENCH_PG_OPTS:-"-XX:+UseG1GC -Xms256m -Xmx256m"}
HARNESS_OPTS=${SAGA_BENCH_HARNESS_OPTS:-"-XX:+UseG1GC -Xms256m -Xmx512m"}
SERVICES="order-service:18081:sagabench_order coupon-service:18083:sagabench_coupon point-service:18082:sagabench_point payment-service:18084:sagabench_payment"
MARIADB_JAR=$(ls ~/.m2/repository/org/mariadb/jdbc/mariadb-java-client/*/mariadb-java-client-*.jar | grep -v sources | tail -1)
WIREMOCK_JAR=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar | tail -1)
PIDS=()
NAMES=()

log() { printf '[saga-bench] %s\n' "$*" >&2; }

stop_pid() { # TERM, up to 30 s, then KILL
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$1" 2>/dev/null || true
}

stop_all() { # the services first (all at once), then the mock PG and the broker they use
  local i
  for ((i = 2; i < ${#PIDS[@]}; i++)); do kill "${PIDS[$i]}" 2>/dev/null || true; done # services
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[$i]}"; done
  [ ${#PIDS[@]} -eq 0 ] || log "stopped ${NAMES[*]}"
}
trap stop_all EXIT

start() { # name command...
  local name=$1; shift
  nohup "$@" >"$DIR/logs/$name.log" 2>&1 </dev/null &
  PIDS+=($!); NAMES+=("$name")
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # what seconds command...
  local what=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { log "$what not ready; see $DIR/logs"; exit 1; }
    sleep 1
  done
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

for p in 18081 18082 18083 18084 19090 19092 19093 19181 19182 19183 19184; do
  port_free "$p" || { log "port $p is taken: is another saga-bench running?"; exit 1; }
done
for entry in $SERVICES; do
  m=${entry%%:*}
  [ -f "$m/target/$m-$VERSION.jar" ] || { log "$m/target/$m-$VERSION.jar missing: build it first"; exit 1; }
done

rm -rf "$DIR"; mkdir -p "$DIR/logs" "$DIR/run"
# the jars are copied: a build during the run cannot change what runs
for entry in $SERVICES; do m=${entry%%:*}; cp "$m/target/$m-$VERSION.jar" "$DIR/run/"; done
cp -R infra/kafka-broker/target/classes "$DIR/run/kafka-classes"
if [ ! -f "$DIR/../saga-bench-kafka.classpath" ]; then
  ./mvnw -B -o -q -pl infra/kafka-broker dependency:build-classpath \
    -Dmdep.outputFile="$DIR/../saga-bench-kafka.classpath" >/dev/null
fi

schemas=""
for entry in $SERVICES; do
  s=${entry##*:}
  schemas+="DROP DATABASE IF EXISTS $s; CREATE DATABASE $s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
done
mariadb -h 127.0.0.1 -P 3306 -u root -e "$schemas"

log "starting the broker and the mock PG"
start kafka "$JAVA_HOME/bin/java" $KAFKA_OPTS -cp "$DIR/run/kafka-classes:$(cat "$DIR/../saga-bench-kafka.classpath")" \
  com.creatorcommerce.platform.kafka.LocalKafkaBroker "$DIR/kafka-data" 19092 19093
start mock-pg "$JAVA_HOME/bin/java" $PG_OPTS -jar "$WIREMOCK_JAR" --port 19090 --bind-address 127.0.0.1 \
  --root-dir infra/mock-pg --disable-banner --no-request-journal --container-threads 64
wait_for kafka 120 bash -c "exec 3<>/dev/tcp/127.0.0.1/19092"
wait_for mock-pg 120 curl -fsS "http://127.0.0.1:19090/__admin/health"

start_service() { # module:port:schema worker-id
  local m port schema
  IFS=: read -r m port schema <<<"$1"
  log "starting $m on $port ($APP_OPTS)"
  start "$m" env PLATFORM_SERVICE_DB_HOST=127.0.0.1:3306 SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092 \
    "$JAVA_HOME/bin/java" $APP_OPTS -jar "$DIR/run/$m-$VERSION.jar" \
    --spring.profiles.active=dev --server.port="$port" --management.server.port="$((port + 1100))" \
    --platform.service.schema="$schema" --spring.datasource.username=root --spring.datasource.password= \
    --platform.snowflake.worker-id="$2" \
    --platform.payment-gateway.base-url=http://127.0.0.1:19090 ${SAGA_BENCH_APP_ARGS:-}
}

ready() { # module:port:schema
  local m port schema
  IFS=: read -r m port schema <<<"$1"
  wait_for "$m" 240 curl -fsS "http://127.0.0.1:$((port + 1100))/actuator/health/readiness"
}

# Each service creates its own topics (6 partitions). A consumer that subscribes to a topic before its owner created
# it (auto-created with fewer partitions, grown later) does not see the new partitions for metadata.max.age.ms (5
# min): the replies there wait. So the owners start first: payment (its replies feed point and order), then coupon
# and point, then order, which consumes all their replies.
read -r order_entry coupon_entry point_entry payment_entry <<<"$SERVICES"
start_service "$payment_entry" 41; ready "$payment_entry"
start_service "$coupon_entry" 42; start_service "$point_entry" 43; ready "$coupon_entry"; ready "$point_entry"
start_service "$order_entry" 44; ready "$order_entry"
log "stack ready: ${NAMES[*]}"

MYSQLD=$(pgrep -x mariadbd || pgrep -x mysqld || true)
declare -A before
for i in "${!PIDS[@]}"; do before[${NAMES[$i]}]=$(cpu_ticks "${PIDS[$i]}"); done
[ -n "$MYSQLD" ] && before[mariadb]=$(cpu_ticks "$MYSQLD")
started=$SECONDS

"$JAVA_HOME/bin/java" $HARNESS_OPTS -cp "$MARIADB_JAR" \
  infra/bench/src/main/java/com/creatorcommerce/platform/bench/saga/SagaBench.java \
  --order=http://127.0.0.1:18081 --db=jdbc:mariadb://127.0.0.1:3306/sagabench_order "$@"

elapsed=$((SECONDS - started))
hz=$(getconf CLK_TCK)
echo
echo "CPU used during the run (${elapsed} s wall, $(nproc) cores = $((elapsed * $(nproc))) core-seconds available):"
for i in "${!PIDS[@]}"; do
  n=${NAMES[$i]}
  printf '  %-16s %7.1f s\n' "$n" "$(echo "($(cpu_ticks "${PIDS[$i]}") - ${before[$n]}) / $hz" | bc -l)"
done
[ -n "$MYSQLD" ] && printf '  %-16s %7.1f s\n' mariadb "$(echo "($(cpu_ticks "$MYSQLD") - ${before[mariadb]}) / $hz" | bc -l)"
echo "  (the harness itself runs on the same two cores)"
