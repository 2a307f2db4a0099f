#!/usr/bin/env bash
# The chaos run on the local stack (issue 16), for ./suite chaos:
#   scripts/chaos.sh run [--minutes N] [--rate R] [--faults a,b] [--quiesce-minutes N]
#       drives a mixed load through the gateway while it kill -9s each service, the gateway and the Kafka broker in
#       turn (pids from .suite/pids) and restarts them, then prints the report; exit 1 when a check failed
#   scripts/chaos.sh restart
#       starts again what is down, exactly as ./suite up does, without building (the driver calls it after a kill:
#       a rebuild in the middle of a run, because someone edited a file, would stall the run for minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. scripts/stack.sh

chaos_build() {
  local jar=chaos-tests/target/chaos-tests-$VERSION.jar
  if [ -f "$jar" ] && [ -f "$STATE/chaos.classpath" ] \
     && [ -z "$(find chaos-tests/src chaos-tests/pom.xml -newer "$jar" -print -quit)" ]; then
    return
  fi
  suite_log "Building the chaos driver (chaos-tests)"
  ./mvnw -B -ntp -q -pl chaos-tests package -DskipTests dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$PWD/$STATE/chaos.classpath" \
    || ./mvnw -B -ntp -q -pl chaos-tests -am install -DskipTests dependency:build-classpath \
         -DincludeScope=runtime -Dmdep.outputFile="$PWD/$STATE/chaos.classpath"
}

cmd=${1:-}; shift || true
case "$cmd" in
  run)
    ensure_jdk
    for name in kafka mock-pg order-service point-service coupon-service payment-service credit-service gateway; do
      is_up "$name" || suite_die "$name is not up: start the stack with ./suite up first"
    done
    chaos_build
    exec "$JAVA_HOME/bin/java" -Xms64m -Xmx256m -XX:+UseSerialGC -Duser.timezone=UTC \
      -cp "chaos-tests/target/chaos-tests-$VERSION.jar:$(cat "$STATE/chaos.classpath")" \
      com.creatorcommerce.chaos.ChaosMain --root "$PWD" "$@"
    ;;
  restart)
    ensure_jdk
    build_stack() { suite_log "chaos: restarting what is down (no build)"; }
    stack_up
    ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
