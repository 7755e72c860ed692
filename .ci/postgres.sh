# Sourced by .ci/run (and usable by hand: `source .ci/postgres.sh && mcn_postgres_start`):
# starts a throwaway PostgreSQL cluster on a free loopback port, exports
# MCN_TEST_POSTGRES_URL for the tests, and stops and removes it on exit.

mcn_postgres_bindir() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

mcn_postgres_free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

mcn_postgres_stop() {
    if [ -n "${MCN_PG_DIR:-}" ] && [ -d "$MCN_PG_DIR" ]; then
        runuser -u postgres -- "$MCN_PG_BIN/pg_ctl" -D "$MCN_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
        rm -rf "$MCN_PG_DIR"
    fi
}

mcn_postgres_start() {
    MCN_PG_BIN=$(mcn_postgres_bindir) || {
        echo "== postgres: initdb not found, installing postgresql with apt"
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        MCN_PG_BIN=$(mcn_postgres_bindir) || { echo "postgres: no initdb/pg_ctl after installing" >&2; return 1; }
    }
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    MCN_PG_DIR=$(mktemp -d /tmp/mcn-postgres.XXXXXX)
    chown postgres "$MCN_PG_DIR"
    chmod 700 "$MCN_PG_DIR"
    local port
    port=$(mcn_postgres_free_port) || { echo "postgres: no free port" >&2; return 1; }
    trap mcn_postgres_stop EXIT
    runuser -u postgres -- "$MCN_PG_BIN/initdb" -D "$MCN_PG_DIR/data" --auth=trust -U postgres -E UTF8 >"$MCN_PG_DIR/initdb.log" 2>&1 \
        || { cat "$MCN_PG_DIR/initdb.log" >&2; return 1; }
    runuser -u postgres -- "$MCN_PG_BIN/pg_ctl" -D "$MCN_PG_DIR/data" -l "$MCN_PG_DIR/server.log" -w -t 60 \
        -o "-p $port -k $MCN_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
        || { cat "$MCN_PG_DIR/server.log" >&2; return 1; }
    export MCN_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
    echo "== postgres: $("$MCN_PG_BIN/pg_ctl" --version) on 127.0.0.1:$port"
}
