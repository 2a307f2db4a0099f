# The local stack of ./suite (sourced): a KRaft broker, the mock PG, five services and the gateway, as processes
# of this machine bound to 127.0.0.1, with pid files and logs under .suite/.

STATE=.suite
VERSION=0.1.0-SNAPSHOT
SERVICES="order-service:8081 point-service:8082 coupon-service:8083 payment-service:8084 credit-service:8085"
GATEWAY="gateway:8080"
KAFKA_PORT=${SUITE_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${SUITE_KAFKA_CONTROLLER_PORT:-9093}
MOCK_PG_PORT=${SUITE_MOCK_PG_PORT:-9090}
# heap/metaspace sized so the 7 JVMs + broker stay within ~4 GiB RSS on one machine
APP_JVM_OPTS=${SUITE_APP_JVM_OPTS:-"-Xms48m -Xmx224m -XX:MaxMetaspaceSize=150m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC"}
KAFKA_JVM_OPTS=${SUITE_KAFKA_JVM_OPTS:-"-Xms128m -Xmx320m -XX:MaxMetaspaceSize=96m -XX:+UseSerialGC -Duser.timezone=UTC"}
MOCK_PG_JVM_OPTS=${SUITE_MOCK_PG_JVM_OPTS:-"-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}

pid_file() { echo "$STATE/pids/$1.pid"; }
is_running() { local f; f=$(pid_file "$1"); [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

# db host:port from SUITE_DB_URL (jdbc:mariadb://host:port or jdbc:mysql://host:port), default 127.0.0.1:3306
db_host_port() {
  local url=${SUITE_DB_URL:-jdbc:mariadb://127.0.0.1:3306}
  url=${url#jdbc:*://}; url=${url%%/*}; url=${url%%\?*}
  case "$url" in *:*) echo "$url" ;; *) echo "$url:3306" ;; esac
}

sql_client() {
  if command -v mariadb >/dev/null 2>&1; then echo mariadb; elif command -v mysql >/dev/null 2>&1; then echo mysql;
  else suite_die "Need the mariadb or mysql command-line client to create the service databases"; fi
}

# One schema and one user (same name, dev password = name) per service, granted on its own schema only.
ensure_schemas() {
  local hp host port client sql="" s
  hp=$(db_host_port); host=${hp%:*}; port=${hp##*:}
  ensure_database "$host" "$port"
  client=$(sql_client)
  for s in order_service point_service coupon_service payment_service credit_service; do
    sql+="CREATE DATABASE IF NOT EXISTS $s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    for h in localhost 127.0.0.1; do
      sql+="CREATE USER IF NOT EXISTS '$s'@'$h' IDENTIFIED BY '$s'; GRANT ALL PRIVILEGES ON $s.* TO '$s'@'$h';"
    done
  done
  "$client" -h "$host" -P "$port" -u "${SUITE_DB_ROOT_USER:-root}" ${SUITE_DB_ROOT_PASSWORD:+-p"$SUITE_DB_ROOT_PASSWORD"} \
    -e "$sql FLUSH PRIVILEGES;" || suite_die "Could not create the service schemas/users on $host:$port"
}

needs_build() {
  [ -f "$STATE/build.stamp" ] || return 0
  local m
  for m in $(echo "$SERVICES $GATEWAY" | tr ' ' '\n' | cut -d: -f1); do
    [ -f "$m/target/$m-$VERSION.jar" ] || return 0
  done
  [ -n "$(find . \( -path ./.suite -o -path '*/target' -o -path ./.git \) -prune -o -type f -newer "$STATE/build.stamp" -print -quit)" ]
}

build_stack() {
  if needs_build; then
    suite_log "Building (Maven wrapper; first build downloads dependencies)"
    ./mvnw -B -ntp -q -DskipTests install
    ./mvnw -B -ntp -q -pl infra/kafka-broker dependency:build-classpath -Dmdep.outputFile="$PWD/$STATE/kafka.classpath"
    ./mvnw -B -ntp -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 \
      -DoutputDirectory="$PWD/$STATE/lib" -Dmdep.stripVersion=true
    touch "$STATE/build.stamp"
  else
    suite_log "Build is up to date"
  fi
}

# start_process <name> <command...>: background, pid file, log file; harmless when already running
start_process() {
  local name=$1; shift
  if is_running "$name"; then suite_log "$name already running (pid $(cat "$(pid_file "$name")"))"; return; fi
  nohup "$@" >"$STATE/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

port_free_or_ours() { # name port
  if ! is_running "$1" && tcp_open 127.0.0.1 "$2"; then
    suite_die "Port $2 (for $1) is taken by a process this suite did not start; stop it or change the port"
  fi
}

start_kafka() {
  port_free_or_ours kafka "$KAFKA_PORT"
  start_process kafka "$JAVA_HOME/bin/java" $KAFKA_JVM_OPTS \
    -cp "infra/kafka-broker/target/classes:$(cat "$STATE/kafka.classpath")" \
    com.creatorcommerce.platform.kafka.LocalKafkaBroker "$STATE/kafka-data" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
}

start_mock_pg() {
  port_free_or_ours mock-pg "$MOCK_PG_PORT"
  start_process mock-pg "$JAVA_HOME/bin/java" $MOCK_PG_JVM_OPTS -jar "$STATE/lib/wiremock-standalone.jar" \
    --port "$MOCK_PG_PORT" --bind-address 127.0.0.1 --root-dir infra/mock-pg --disable-banner --no-request-journal
}

# extra arguments per app
declare -A PG_ARGS=([payment-service]="--platform.payment-gateway.base-url=http://127.0.0.1:$MOCK_PG_PORT")

start_app() { # module port worker-id
  local m=$1 port=$2 worker=$3 hp
  hp=$(db_host_port)
  port_free_or_ours "$m" "$port"
  start_process "$m" env PLATFORM_SERVICE_DB_HOST="$hp" SPRING_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    "$JAVA_HOME/bin/java" $APP_JVM_OPTS -jar "$m/target/$m-$VERSION.jar" \
    --spring.profiles.active=dev --server.port="$port" --platform.snowflake.worker-id="$worker" \
    ${PG_ARGS[$m]:-}
}

wait_ready() { # name check-command... (timeout SUITE_READY_TIMEOUT, default 180 s)
  local name=$1; shift
  local deadline=$((SECONDS + ${SUITE_READY_TIMEOUT:-180}))
  until "$@" >/dev/null 2>&1; do
    is_running "$name" || suite_die "$name exited; see $STATE/logs/$name.log"
    [ $SECONDS -lt $deadline ] || suite_die "$name not ready in time; see $STATE/logs/$name.log"
    sleep 1
  done
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

stack_up() {
  local started=$SECONDS worker=1 entry m p
  mkdir -p "$STATE/pids" "$STATE/logs" "$STATE/lib"
  command -v curl >/dev/null || suite_die "curl is required"
  build_stack
  ensure_schemas
  start_kafka
  start_mock_pg
  wait_ready kafka tcp_open 127.0.0.1 "$KAFKA_PORT"
  wait_ready mock-pg http_ok "http://127.0.0.1:$MOCK_PG_PORT/__admin/health"
  for entry in $SERVICES $GATEWAY; do
    start_app "${entry%%:*}" "${entry##*:}" "$worker"; worker=$((worker + 1))
  done
  for entry in $SERVICES $GATEWAY; do
    wait_ready "${entry%%:*}" http_ok "http://127.0.0.1:${entry##*:}/actuator/health/readiness"
  done
  suite_log "All components ready in $((SECONDS - started)) s"
  stack_status
  cat <<EOT

Gateway:      http://127.0.0.1:8080
API docs:     http://127.0.0.1:8080/swagger-ui.html
Mock PG:      http://127.0.0.1:$MOCK_PG_PORT (payment keys pk_approve_*, pk_decline_*, pk_slow_*, pk_error_*, pk_mismatch_*)
Dev token:    curl -s -X POST http://127.0.0.1:8080/auth/dev-token -H 'Content-Type: application/json' \\
                -d '{"user_id":"1001","roles":["USER"]}'
              (the gateway runs with the dev profile, so this endpoint is enabled; it is absent in production)
Logs:         ./suite logs <component>     Stop: ./suite down
EOT
}

stack_down() {
  local name f pid i
  for name in gateway credit-service payment-service coupon-service point-service order-service mock-pg kafka; do
    f=$(pid_file "$name"); [ -f "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
      suite_log "stopped $name (pid $pid)"
    fi
    rm -f "$f"
  done
}

stack_status() {
  local entry name port state health rss
  printf '%-16s %-8s %-8s %-10s %s\n' COMPONENT PID RSS_MB STATE HEALTH
  for entry in kafka:$KAFKA_PORT mock-pg:$MOCK_PG_PORT $SERVICES $GATEWAY; do
    name=${entry%%:*}; port=${entry##*:}
    if is_running "$name"; then
      state=running; rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$(cat "$(pid_file "$name")")/status" 2>/dev/null || echo 0) / 1024 ))
      case "$name" in
        kafka) tcp_open 127.0.0.1 "$port" && health=UP || health=DOWN ;;
        mock-pg) http_ok "http://127.0.0.1:$port/__admin/health" && health=UP || health=DOWN ;;
        *) health=$(curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" | sed -n 's/.*"status":"\([A-Z_]*\)".*/\1/p'); health=${health:-DOWN} ;;
      esac
      printf '%-16s %-8s %-8s %-10s %s\n' "$name" "$(cat "$(pid_file "$name")")" "$rss" "$state" "$health"
    else
      printf '%-16s %-8s %-8s %-10s %s\n' "$name" - - stopped -
    fi
  done
}
