# The local stack of ./suite (sourced): a KRaft broker, the mock PG, five services and the gateway, as processes
# of this machine bound to 127.0.0.1, with pid files, logs and copies of what they run (jars, broker classes) under
# .suite/.

STATE=.suite
VERSION=0.1.0-SNAPSHOT
SERVICES="order-service:8081 point-service:8082 coupon-service:8083 payment-service:8084 credit-service:8085"
GATEWAY="gateway:8080"
# Actuator (probes, Prometheus) of each app answers on its own loopback port, never routed by the gateway: the app's
# port + 1000 (gateway 9080, order-service 9081, ... credit-service 9085).
MANAGEMENT_PORT_OFFSET=1000
KAFKA_PORT=${SUITE_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${SUITE_KAFKA_CONTROLLER_PORT:-9093}
MOCK_PG_PORT=${SUITE_MOCK_PG_PORT:-9090}
# heap/metaspace sized so the 7 JVMs + broker stay within ~4 GiB RSS on one machine
APP_JVM_OPTS=${SUITE_APP_JVM_OPTS:-"-Xms48m -Xmx224m -XX:MaxMetaspaceSize=150m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC"}
KAFKA_JVM_OPTS=${SUITE_KAFKA_JVM_OPTS:-"-Xms128m -Xmx320m -XX:MaxMetaspaceSize=96m -XX:+UseSerialGC -Duser.timezone=UTC"}
MOCK_PG_JVM_OPTS=${SUITE_MOCK_PG_JVM_OPTS:-"-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}

pid_file() { echo "$STATE/pids/$1.pid"; }

# The pid recorded for a component (nothing if there is no pid file or it holds no number).
recorded_pid() {
  local f pid
  f=$(pid_file "$1"); [ -f "$f" ] || return 1
  read -r pid <"$f" 2>/dev/null || true
  [[ "${pid:-}" =~ ^[0-9]+$ ]] || return 1
  echo "$pid"
}

# What only this component's process has on its command line.
component_marker() {
  case "$1" in
    kafka) echo "com.creatorcommerce.platform.kafka.LocalKafkaBroker" ;;
    mock-pg) echo "$STATE/lib/wiremock-standalone.jar" ;;
    *) echo "/$1-$VERSION.jar" ;; # .suite/run/<app>-<version>.jar (or <app>/target/... when started before)
  esac
}

# The port a component answers on (for kafka: the broker's client port).
component_port() {
  local entry
  case "$1" in
    kafka) echo "$KAFKA_PORT"; return ;;
    mock-pg) echo "$MOCK_PG_PORT"; return ;;
  esac
  for entry in $SERVICES $GATEWAY; do
    [ "${entry%%:*}" = "$1" ] && { echo "${entry##*:}"; return; }
  done
  return 1
}

# is_ours <name> <pid>: the pid is a live process (not a zombie: a crashed component whose parent is gone may stay
# one when nothing reaps it, and kill -0 still succeeds on it), its command line carries the component's marker (a
# pid reused by another process does not) and it runs in this checkout (another checkout's suite has the same
# command line).
is_ours() {
  local name=$1 pid=$2 marker stat state cmdline cwd
  marker=$(component_marker "$name")
  if [ -r /proc/self/stat ]; then
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    state=${stat##*) }; state=${state%% *}
    case "$state" in Z|X|x) return 1 ;; esac
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    case "$cmdline" in *"$marker"*) ;; *) return 1 ;; esac
    if cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) && [ -n "$cwd" ]; then
      [ "$cwd" = "$(pwd -P)" ] || return 1
    fi
  else # no /proc (not Linux): ps
    state=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
    case "$state" in Z*|"") return 1 ;; esac
    cmdline=$(ps -ww -o command= -p "$pid" 2>/dev/null) || return 1
    case "$cmdline" in *"$marker"*) ;; *) return 1 ;; esac
  fi
}

# is_running <name>: the component's recorded process is alive and is really that component (see is_ours).
is_running() { local pid; pid=$(recorded_pid "$1") && is_ours "$1" "$pid"; }

# The actuator port of an app answering on <port>.
management_port() { echo $(( $1 + MANAGEMENT_PORT_OFFSET )); }

# answers <name>: the component answers on its port: the broker accepts a connection, the mock PG and the apps
# answer their health (liveness: not the database or the broker behind them) within 5 s.
answers() {
  local port; port=$(component_port "$1") || return 1
  case "$1" in
    kafka) tcp_open 127.0.0.1 "$port" ;;
    mock-pg) curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$port/__admin/health" 2>/dev/null ;;
    *) curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$(management_port "$port")/actuator/health/liveness" 2>/dev/null ;;
  esac
}

# is_up <name>: its own process is alive and answers (a hung or half-dead process is not up).
is_up() { is_running "$1" && answers "$1"; }

# stop_component <name>: TERM, up to 30 s, then KILL -- only if the recorded pid is really ours; the pid file goes.
stop_component() {
  local name=$1 pid i
  if pid=$(recorded_pid "$name") && is_ours "$name" "$pid"; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do is_ours "$name" "$pid" || break; sleep 0.5; done
    if is_ours "$name" "$pid"; then kill -9 "$pid" 2>/dev/null || true; sleep 0.5; fi
    suite_log "stopped $name (pid $pid)"
  elif [ -f "$(pid_file "$name")" ]; then
    suite_log "$name was not running (pid file of a dead or foreign process removed)"
  fi
  rm -f "$(pid_file "$name")"
}

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
# credit-service (ADR 16): its migrations run as credit_service_owner; its application account gets per-table grants
# from the migration's after-migrate callback (SELECT, INSERT only on the history tables), never the whole schema.
# An account that still holds an older schema-wide grant loses it when credit-service is about to start (not while a
# running instance depends on it); the callback grants it again, table by table.
ensure_schemas() {
  local hp host port client sql="" s h
  hp=$(db_host_port); host=${hp%:*}; port=${hp##*:}
  ensure_database "$host" "$port"
  client=$(sql_client)
  for s in order_service point_service coupon_service payment_service credit_service; do
    sql+="CREATE DATABASE IF NOT EXISTS $s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    for h in localhost 127.0.0.1; do
      sql+="CREATE USER IF NOT EXISTS '$s'@'$h' IDENTIFIED BY '$s';"
      if [ "$s" = credit_service ]; then
        sql+="CREATE USER IF NOT EXISTS '${s}_owner'@'$h' IDENTIFIED BY '${s}_owner';"
        sql+="GRANT ALL PRIVILEGES ON $s.* TO '${s}_owner'@'$h' WITH GRANT OPTION;"
        is_up credit-service || sql+="REVOKE ALL PRIVILEGES, GRANT OPTION FROM '$s'@'$h';"
      else
        sql+="GRANT ALL PRIVILEGES ON $s.* TO '$s'@'$h';"
      fi
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
    # only what the stack runs (and what it depends on): a module being edited elsewhere (bench, system-tests)
    # cannot block the local stack
    # the runnable jars are made again: a Boot jar that looks up to date keeps the platform libraries it was
    # repackaged with, so a change in infra/ alone would not reach the services
    for m in $(echo "$SERVICES $GATEWAY" | tr ' ' '\n' | cut -d: -f1); do rm -f "$m/target/$m-$VERSION.jar"*; done
    ./mvnw -B -ntp -q -DskipTests install -am \
      -pl gateway,order-service,point-service,coupon-service,payment-service,credit-service,infra/kafka-broker
    ./mvnw -B -ntp -q -pl infra/kafka-broker dependency:build-classpath -Dmdep.outputFile="$PWD/$STATE/kafka.classpath"
    ./mvnw -B -ntp -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 \
      -DoutputDirectory="$PWD/$STATE/lib" -Dmdep.stripVersion=true
    touch "$STATE/build.stamp"
  else
    suite_log "Build is up to date"
  fi
}

# start_process <name> <command...>: background, pid file, log file. Harmless when the component is up (its own
# process, alive, answering on its port). A pid file left by a crashed component (dead, zombie or reused pid) is
# removed and the component started again; a process of ours that does not answer is stopped and started again.
start_process() {
  local name=$1 port pid log i; shift
  port=$(component_port "$name")
  if is_up "$name"; then suite_log "$name already running (pid $(recorded_pid "$name"))"; return; fi
  if pid=$(recorded_pid "$name") && is_ours "$name" "$pid"; then
    suite_log "$name (pid $pid) runs but does not answer on port $port: restarting it"
    stop_component "$name"
    for i in $(seq 1 20); do tcp_open 127.0.0.1 "$port" || break; sleep 0.5; done
  elif [ -f "$(pid_file "$name")" ]; then
    suite_log "$name is not running (stale pid file${pid:+, pid $pid}): starting it again"
    rm -f "$(pid_file "$name")"
  fi
  if tcp_open 127.0.0.1 "$port"; then
    suite_die "Port $port (for $name) is taken by a process this suite did not start; stop it or change the port"
  fi
  log="$STATE/logs/$name.log"
  [ -s "$log" ] && mv -f "$log" "$log.1" # keep the previous run's log (e.g. why it crashed)
  nohup "$@" >"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

# stage <built> <copy>: a private copy of what a component is about to run. A later ./suite up rebuilds target/ in
# place when sources changed, which breaks a JVM still running from it (NoClassDefFoundError minutes later); each
# component runs from its copy, replaced only when that component (re)starts.
stage() {
  { rm -rf "$2.tmp" && cp -R "$1" "$2.tmp" && rm -rf "$2" && mv "$2.tmp" "$2"; } || suite_die "Could not copy $1 to $2"
}

start_kafka() {
  is_up kafka || stage infra/kafka-broker/target/classes "$STATE/run/kafka-classes"
  start_process kafka "$JAVA_HOME/bin/java" $KAFKA_JVM_OPTS \
    -cp "$STATE/run/kafka-classes:$(cat "$STATE/kafka.classpath")" \
    com.creatorcommerce.platform.kafka.LocalKafkaBroker "$STATE/kafka-data" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
}

start_mock_pg() {
  start_process mock-pg "$JAVA_HOME/bin/java" $MOCK_PG_JVM_OPTS -jar "$STATE/lib/wiremock-standalone.jar" \
    --port "$MOCK_PG_PORT" --bind-address 127.0.0.1 --root-dir infra/mock-pg --disable-banner --no-request-journal
}

# extra arguments per app (the PG, credit-service's database accounts)
declare -A APP_ARGS=([payment-service]="--platform.payment-gateway.base-url=http://127.0.0.1:$MOCK_PG_PORT"
  [credit-service]="--spring.flyway.user=credit_service_owner --spring.flyway.password=credit_service_owner
    --credit.database.app-accounts='credit_service'@'localhost','credit_service'@'127.0.0.1'")

start_app() { # module port worker-id
  local m=$1 port=$2 worker=$3 hp jar="$STATE/run/$1-$VERSION.jar"
  hp=$(db_host_port)
  is_up "$m" || stage "$m/target/$m-$VERSION.jar" "$jar"
  start_process "$m" env PLATFORM_SERVICE_DB_HOST="$hp" SPRING_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    "$JAVA_HOME/bin/java" $APP_JVM_OPTS -jar "$jar" \
    --spring.profiles.active=dev --server.port="$port" --management.server.port="$(management_port "$port")" \
    --platform.snowflake.worker-id="$worker" \
    ${APP_ARGS[$m]:-}
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
  mkdir -p "$STATE/pids" "$STATE/logs" "$STATE/lib" "$STATE/run"
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
    wait_ready "${entry%%:*}" http_ok "http://127.0.0.1:$(management_port "${entry##*:}")/actuator/health/readiness"
  done
  suite_log "All components ready in $((SECONDS - started)) s"
  stack_status
  cat <<EOT

Gateway:      http://127.0.0.1:8080
API docs:     http://127.0.0.1:8080/swagger-ui.html
Actuator:     http://127.0.0.1:<port + 1000>/actuator/{health,prometheus} (loopback only; gateway 9080, services 9081-9085)
Mock PG:      http://127.0.0.1:$MOCK_PG_PORT (payment keys pk_approve_*, pk_decline_*, pk_slow_*, pk_error_*, pk_mismatch_*)
Dev token:    curl -s -X POST http://127.0.0.1:8080/auth/dev-token -H 'Content-Type: application/json' \\
                -d '{"user_id":"1001","roles":["USER"]}'
              (the gateway runs with the dev profile, so this endpoint is enabled; it is absent in production)
Logs:         ./suite logs <component>     Stop: ./suite down
EOT
}

stack_down() {
  local name
  for name in gateway credit-service payment-service coupon-service point-service order-service mock-pg kafka; do
    stop_component "$name"
  done
}

# One line per component. STATE: running (its own process is alive), crashed (a pid file is left but that process
# is gone, a zombie or another program: HEALTH DOWN; ./suite up starts it again), stopped (never started or stopped
# by ./suite down). Then, per running service, what ops read on the dashboard (stack_messaging_status).
stack_status() {
  local entry name port state health rss pid
  printf '%-16s %-8s %-8s %-10s %s\n' COMPONENT PID RSS_MB STATE HEALTH
  for entry in kafka:$KAFKA_PORT mock-pg:$MOCK_PG_PORT $SERVICES $GATEWAY; do
    name=${entry%%:*}; port=${entry##*:}
    if is_running "$name"; then
      pid=$(recorded_pid "$name")
      state=running; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      rss=$(( ${rss:-0} / 1024 ))
      case "$name" in
        kafka) tcp_open 127.0.0.1 "$port" && health=UP || health=DOWN ;;
        mock-pg) http_ok "http://127.0.0.1:$port/__admin/health" 2>/dev/null && health=UP || health=DOWN ;;
        *) health=$(curl -s --max-time 2 "http://127.0.0.1:$(management_port "$port")/actuator/health/readiness" | sed -n 's/.*"status":"\([A-Z_]*\)".*/\1/p'); health=${health:-DOWN} ;;
      esac
      printf '%-16s %-8s %-8s %-10s %s\n' "$name" "$pid" "$rss" "$state" "$health"
    elif [ -f "$(pid_file "$name")" ]; then
      printf '%-16s %-8s %-8s %-10s %s\n' "$name" - - crashed DOWN
    else
      printf '%-16s %-8s %-8s %-10s %s\n' "$name" - - stopped -
    fi
  done
  echo
  stack_messaging_status
}

# metric_sum <name> [label-regex] < scrape: the sum of a metric's samples in a Prometheus text scrape (only those whose
# labels match the regex), "-" when the app has no such metric (no sagas in coupon-service, for instance).
metric_sum() {
  awk -v name="$1" -v re="${2:-}" '
    /^#/ { next }
    {
      series = $0; sub(/[{ ].*/, "", series)
      if (series != name) next
      labels = ""
      if (index($0, "{") > 0) { labels = substr($0, index($0, "{") + 1); labels = substr(labels, 1, index(labels, "}") - 1) }
      if (re != "" && labels !~ re) next
      sum += $NF; found = 1
    }
    END {
      if (!found) printf "-"
      else if (sum == int(sum)) printf "%d", sum
      else printf "%.1f", sum
    }'
}

# Per running service, read from its management port's /actuator/prometheus (the meters the dashboard shows):
#   OUTBOX   outbox rows not yet published (outbox_backlog)        OLDEST_S  age of the oldest one, seconds
#   PARKED   outbox rows parked as FAILED, need an operator        INBOX     messages on its topics not yet handled
#   DLT      dead letters not replayed yet                         SAGAS     sagas awaiting a reply (RUNNING, COMPENSATING)
#   FAILED   sagas FAILED, need an operator                        OVERDUE   sagas awaiting a reply past their deadline
# Gauges read from the database or the broker are refreshed every 15-30 s by the service.
stack_messaging_status() {
  local entry name port scrape
  printf '%-16s %7s %7s %9s %7s %6s %7s %7s %8s\n' SERVICE OUTBOX PARKED OLDEST_S INBOX DLT SAGAS FAILED OVERDUE
  for entry in $SERVICES; do
    name=${entry%%:*}; port=${entry##*:}
    if ! is_running "$name" \
        || ! scrape=$(curl -fsS --max-time 3 "http://127.0.0.1:$(management_port "$port")/actuator/prometheus" 2>/dev/null); then
      printf '%-16s %7s %7s %9s %7s %6s %7s %7s %8s\n' "$name" ? ? ? ? ? ? ? ?
      continue
    fi
    printf '%-16s %7s %7s %9s %7s %6s %7s %7s %8s\n' "$name" \
      "$(metric_sum outbox_backlog <<<"$scrape")" \
      "$(metric_sum outbox_failed <<<"$scrape")" \
      "$(metric_sum outbox_oldest_pending_age_seconds <<<"$scrape")" \
      "$(metric_sum messaging_inbox_depth <<<"$scrape")" \
      "$(metric_sum messaging_dlt_depth <<<"$scrape")" \
      "$(metric_sum saga_instances 'status="(RUNNING|COMPENSATING)"' <<<"$scrape")" \
      "$(metric_sum saga_instances 'status="FAILED"' <<<"$scrape")" \
      "$(metric_sum saga_overdue <<<"$scrape")"
  done
  echo "(? = not running or not answering; - = the service has no such meter. Details: GET /v1/admin/sagas, /v1/admin/messaging/... on the service, docs/OPERATIONS.md)"
}
