# Shared helpers of ./suite and .ci/run (sourced, not executed).

suite_log() { printf '\033[1m[suite]\033[0m %s\n' "$*" >&2; }
suite_die() { printf '\033[31m[suite] %s\033[0m\n' "$*" >&2; exit 1; }

# java_major <java binary>: prints the major version (17, 21, 25...)
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# Exports JAVA_HOME to a JDK >= 21: $JAVA_HOME if good, else java on PATH, else the newest under /usr/lib/jvm.
ensure_jdk() {
  local candidate best="" best_v=0 v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(java_major "$JAVA_HOME/bin/java"); [ "${v:-0}" -ge 21 ] && { export JAVA_HOME; return; }
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(java_major "$candidate/bin/java"); [ "${v:-0}" -ge 21 ] && { export JAVA_HOME=$candidate; return; }
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    v=$(java_major "$candidate/bin/java")
    if [ "${v:-0}" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$candidate; best_v=$v; fi
  done
  [ -n "$best" ] || suite_die "No JDK >= 21 found (JAVA_HOME, PATH, /usr/lib/jvm). Install one, e.g. Temurin 21+, and retry."
  export JAVA_HOME=$best
}

tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Makes sure a MySQL-compatible server answers on 127.0.0.1:3306 (or the host/port given): starts an installed
# but stopped MariaDB; installs MariaDB from Debian packages when none exists and we are root.
ensure_database() {
  local host=${1:-127.0.0.1} port=${2:-3306} i
  tcp_open "$host" "$port" && return 0
  if [ "$host" != "127.0.0.1" ] && [ "$host" != "localhost" ]; then
    suite_die "No database answers at $host:$port (set SUITE_TEST_DB_URL / SUITE_DB_URL to a reachable MySQL-compatible server)"
  fi
  if [ ! -x /usr/sbin/mariadbd ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      suite_log "No MySQL-compatible server here: installing MariaDB from Debian packages"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && \
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null || \
        suite_die "Could not install mariadb-server; install MySQL 8 or MariaDB and start it on 127.0.0.1:3306"
    else
      suite_die "No MySQL-compatible server on 127.0.0.1:3306 and MariaDB is not installed: install mariadb-server (or MySQL 8) or set SUITE_TEST_DB_URL"
    fi
  fi
  suite_log "Starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --bind-address=127.0.0.1 >/dev/null 2>&1 \
    || /usr/sbin/mariadbd --user=mysql --bind-address=127.0.0.1 >/dev/null 2>&1 &
  for i in $(seq 1 60); do tcp_open "$host" "$port" && break; sleep 0.5; done
  tcp_open "$host" "$port" || suite_die "MariaDB did not start on $host:$port"
  # a fresh Debian install lets root in only through the unix socket: allow the empty password on TCP too
  if ! mariadb -uroot -h127.0.0.1 -e 'SELECT 1' >/dev/null 2>&1; then
    mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')" \
      >/dev/null 2>&1 || true
  fi
}
