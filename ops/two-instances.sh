#!/usr/bin/env bash
# Two ChamberLink instances and nginx in front of them, on this machine, against one PostgreSQL:
# what the load and fault runs drive (issue 23). Everything lives in target/ops/ (the database,
# the logs, the rendered nginx configuration); nothing is installed outside Debian's packages.
#
#   ops/two-instances.sh start    build the jar if missing or older than the sources, start PostgreSQL, instance A, instance B, nginx
#   ops/two-instances.sh stop     stop all four
#   ops/two-instances.sh status   what runs, and the URL
#   ops/two-instances.sh kill A   kill -9 instance A (or B): a fault for the load run
#   ops/two-instances.sh restart A   start instance A (or B) again after a kill
#   ops/two-instances.sh pg-kill  stop PostgreSQL hard (immediate: no checkpoint, clients cut off)
#   ops/two-instances.sh pg-start start PostgreSQL again
#
# Ports (override by environment): nginx NGINX_PORT=8088, instances PORT_A=8081 and PORT_B=8082,
# PostgreSQL PG_PORT=15460. The first start creates the database and loads the demo data (instance A
# migrates and fills it; B starts once A is ready). ADMIN_PASSWORD sets admin's first password.
# PROVINCE=target/benchmark serves the kept benchmark province instead (its PostgreSQL 18 cluster,
# its privacy key, no demo data; the load and fault runs use it); MAIL_PORT=n sends the outbox's
# mail to an SMTP server on localhost:n; INSTANCE_JAVA_OPTS adds JVM options (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

NGINX_PORT=${NGINX_PORT:-8088}
PORT_A=${PORT_A:-8081}
PORT_B=${PORT_B:-8082}
PG_PORT=${PG_PORT:-15460}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-Admin-Pass-2026}
OPS=${OPS:-$(pwd)/target/ops}
PGDATA_DIR=$OPS/postgres
PRIVACY_KEY=$OPS/privacy.key
PROVINCE=${PROVINCE:-}
if [ -n "$PROVINCE" ]; then
  PROVINCE=$(cd "$PROVINCE" && pwd)
  PGDATA_DIR=$PROVINCE/postgres
  PRIVACY_KEY=$PROVINCE/privacy.key
fi
mkdir -p "$OPS"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_missing() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "Missing: ${missing[*]} — install them (apt-get install ${missing[*]})." >&2
      exit 1
    fi
    echo "Installing from Debian: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
  fi
  # Debian's package starts a system-wide nginx on port 80; this script runs its own
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then
    echo "(a system nginx runs too; it is left alone)"
  fi
}

# the binaries of the data directory's major version: Debian's, or the embedded PostgreSQL the
# application unpacked (the benchmark province is a PostgreSQL 18 cluster; Debian 12 ships 15)
pgbin() {
  local v=""
  [ -f "$PGDATA_DIR/PG_VERSION" ] && v=$(cat "$PGDATA_DIR/PG_VERSION")
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if [ -z "$v" ]; then ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; return; fi
  if [ -x "/usr/lib/postgresql/$v/bin/postgres" ]; then echo "/usr/lib/postgresql/$v/bin"; return; fi
  local b
  for b in /tmp/embedded-pg/*/bin; do
    if [ -x "$b/postgres" ] && "$b/postgres" --version | grep -q " $v\."; then echo "$b"; return; fi
  done
  echo "No PostgreSQL $v binaries for $PGDATA_DIR (set PG_BIN)" >&2
  exit 1
}

psql_() { # the Debian client reads any newer server for the simple queries here
  local client; client=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
  "$client" -h localhost -p "$PG_PORT" -U postgres "$@"
}

start_postgres() {
  local bin; bin=$(pgbin)
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    mkdir -p "$PGDATA_DIR"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$PGDATA_DIR"
    as_postgres "$bin/initdb" -D "$PGDATA_DIR" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    # enough connections for two instances' pools and the load generator's checks
    echo "max_connections = 120" >> "$PGDATA_DIR/postgresql.conf"
  fi
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres account while it runs
  # (a province copied by root is handed over; `stop` hands it back)
  if [ "$(id -u)" -eq 0 ] && [ "$(stat -c %U "$PGDATA_DIR")" != postgres ]; then
    stat -c %U "$PGDATA_DIR" >"$OPS/pgdata-owner"
    chown -R postgres:postgres "$PGDATA_DIR"
  fi
  if [ ! -f "$PGDATA_DIR/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$PGDATA_DIR" \
      -o "-p $PG_PORT -k /tmp -c listen_addresses=localhost -c max_connections=120 -c fsync=on -c synchronous_commit=on -c timezone=Asia/Shanghai" \
      -l "$PGDATA_DIR/server.log" -t 300 -w start >/dev/null
  fi
  psql_ -d postgres -tAc "select 1 from pg_database where datname = 'chamberlink'" | grep -q 1 ||
    psql_ -d postgres -qc 'create database chamberlink'
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on localhost:$PG_PORT (data in $PGDATA_DIR)"
}

stop_postgres() { # mode: fast or immediate
  if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    as_postgres "$(pgbin)/pg_ctl" -D "$PGDATA_DIR" -m "$1" -w stop >/dev/null || true
  fi
}

jar() { ls target/chamberlink-*.jar 2>/dev/null | head -1; }

start_instance() { # name port
  local name=$1 port=$2
  if [ -f "$OPS/instance-$name.pid" ] && kill -0 "$(cat "$OPS/instance-$name.pid")" 2>/dev/null; then
    echo "Instance $name already runs (pid $(cat "$OPS/instance-$name.pid"))"
    return
  fi
  local extra=()
  if [ -n "$PROVINCE" ]; then
    # the kept province: no demo data, and migrations a branch numbered below the province's newest
    extra+=(CHAMBERLINK_DEMO_ENABLED=false SPRING_FLYWAY_OUT_OF_ORDER=true)
  fi
  if [ -n "${MAIL_PORT:-}" ]; then
    extra+=(SPRING_MAIL_HOST=localhost SPRING_MAIL_PORT="$MAIL_PORT")
  fi
  env "${extra[@]}" \
  PORT=$port \
  SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/chamberlink" \
  SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  CHAMBERLINK_PRIVACY_KEY_FILE="$PRIVACY_KEY" \
  CHAMBERLINK_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  SERVER_FORWARD_HEADERS_STRATEGY=native \
    nohup java -Xmx1g ${INSTANCE_JAVA_OPTS:-} -jar "$(jar)" >>"$OPS/instance-$name.log" 2>&1 &
  echo $! >"$OPS/instance-$name.pid"
  echo "Instance $name starting on port $port (pid $!, log $OPS/instance-$name.log)"
}

wait_ready() { # port
  local port=$1 deadline=$((SECONDS + 600))
  until curl -fsS "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
    if [ $SECONDS -gt $deadline ]; then
      echo "Instance on port $port not ready after 10 minutes; see $OPS/instance-*.log" >&2
      exit 1
    fi
    sleep 1
  done
}

start_nginx() {
  sed -e "s/@PORT_A@/$PORT_A/" -e "s/@PORT_B@/$PORT_B/" -e "s/@LISTEN@/127.0.0.1:$NGINX_PORT/" \
    ops/nginx/chamberlink.conf >"$OPS/chamberlink.conf"
  cat >"$OPS/nginx.conf" <<CONF
worker_processes 1;
pid $OPS/nginx.pid;
error_log $OPS/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $OPS/nginx-body;
    proxy_temp_path $OPS/nginx-proxy;
    fastcgi_temp_path $OPS/nginx-fastcgi;
    uwsgi_temp_path $OPS/nginx-uwsgi;
    scgi_temp_path $OPS/nginx-scgi;
    include $OPS/chamberlink.conf;
}
CONF
  local nginx; nginx=$(command -v nginx || echo /usr/sbin/nginx)
  if [ -f "$OPS/nginx.pid" ] && kill -0 "$(cat "$OPS/nginx.pid")" 2>/dev/null; then
    "$nginx" -c "$OPS/nginx.conf" -s reload
  else
    "$nginx" -c "$OPS/nginx.conf"
  fi
  echo "nginx on http://localhost:$NGINX_PORT/ → instances :$PORT_A and :$PORT_B"
}

stop_all() {
  local nginx; nginx=$(command -v nginx || echo /usr/sbin/nginx)
  if [ -f "$OPS/nginx.pid" ] && kill -0 "$(cat "$OPS/nginx.pid")" 2>/dev/null; then
    "$nginx" -c "$OPS/nginx.conf" -s quit || true
  fi
  for name in A B; do
    if [ -f "$OPS/instance-$name.pid" ]; then
      kill "$(cat "$OPS/instance-$name.pid")" 2>/dev/null || true
      rm -f "$OPS/instance-$name.pid"
    fi
  done
  stop_postgres fast
  if [ -f "$OPS/pgdata-owner" ]; then
    chown -R "$(cat "$OPS/pgdata-owner")": "$PGDATA_DIR" && rm -f "$OPS/pgdata-owner"
  fi
  echo "Stopped."
}

case "${1:-}" in
  start)
    install_missing
    # a jar older than the sources would run yesterday's code (and its migrations) against today's database
    if [ -z "$(jar)" ] || [ -n "$(find src/main pom.xml -type f -newer "$(jar)" -print -quit)" ]; then
      ./mvnw -q -B -DskipTests package
    fi
    start_postgres
    start_instance A "$PORT_A"
    wait_ready "$PORT_A"
    start_instance B "$PORT_B"
    wait_ready "$PORT_B"
    start_nginx
    echo "Ready: http://localhost:$NGINX_PORT/ (admin's first password: $ADMIN_PASSWORD; demo passwords in $OPS/instance-A.log)"
    ;;
  stop) stop_all ;;
  status)
    for name in A B; do
      if [ -f "$OPS/instance-$name.pid" ] && kill -0 "$(cat "$OPS/instance-$name.pid")" 2>/dev/null; then
        echo "instance $name: running (pid $(cat "$OPS/instance-$name.pid"))"
      else
        echo "instance $name: stopped"
      fi
    done
    [ -f "$OPS/nginx.pid" ] && kill -0 "$(cat "$OPS/nginx.pid")" 2>/dev/null && echo "nginx: http://localhost:$NGINX_PORT/" || echo "nginx: stopped"
    ;;
  kill)
    name=${2:?kill A or kill B}
    kill -9 "$(cat "$OPS/instance-$name.pid")"
    echo "Instance $name killed (-9)."
    ;;
  restart)
    name=${2:?restart A or restart B}
    port=$PORT_A; [ "$name" = B ] && port=$PORT_B
    start_instance "$name" "$port"
    wait_ready "$port"
    echo "Instance $name ready."
    ;;
  pg-kill) stop_postgres immediate; echo "PostgreSQL stopped (immediate)." ;;
  pg-start) start_postgres ;;
  *)
    sed -n '2,21p' "$0"
    exit 2
    ;;
esac
