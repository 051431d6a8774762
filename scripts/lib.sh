# Shared helpers for the Makefile targets. Source it; do not run it.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
CONF="$ROOT/odoo.conf"
LOCAL="$ROOT/.local"
PGDATA_DIR="$LOCAL/pg/data"
PGRUN_DIR="$LOCAL/pg/run"
PGLOG="$LOCAL/pg/server.log"
# The system user that owns the cluster when these scripts run as root
# (initdb refuses root).
PG_SYSTEM_USER=${PG_SYSTEM_USER:-property-pg}

conf_value() {
    # conf_value KEY: the value of KEY in odoo.conf
    sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$CONF" | tail -n 1
}

DB_HOST=$(conf_value db_host)
DB_PORT=$(conf_value db_port)
DB_USER=$(conf_value db_user)
DB_PASSWORD=$(conf_value db_password)
export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD"

# Every addon of the project, comma-separated.
project_addons() {
    local names=()
    local manifest
    for manifest in "$ROOT"/addons/*/__manifest__.py; do
        names+=("$(basename "$(dirname "$manifest")")")
    done
    (IFS=,; echo "${names[*]}")
}

install_list() {
    # The project's addons and the Odoo modules installed beside them: the Chinese chart
    # of accounts (l10n_cn), with which the Accounting bridges keep a company's books.
    echo "$(project_addons),l10n_cn"
}

require_odoo() {
    # Exit 2 with one clear sentence when the running Python cannot import Odoo 18.0.
    local version
    if ! version=$("$PYTHON" -c 'import odoo.release as r; print(r.serie)' 2>/dev/null) \
        || [ "$version" != "18.0" ]; then
        echo "Odoo 18.0 cannot be imported by '$PYTHON'${version:+ (found $version)}: install it into that Python (or set PYTHON=...) as the README section \"Providing Odoo 18.0\" explains." >&2
        exit 2
    fi
}

odoo_addons_path() {
    # Odoo's own addons (as Odoo computes its default) followed by the project's.
    "$PYTHON" - "$ROOT/addons" <<'PY'
import os, sys
import odoo
pkg = os.path.dirname(os.path.abspath(odoo.__file__))
paths = [os.path.join(pkg, "addons")]
main = os.path.abspath(os.path.join(pkg, "..", "addons"))
if os.path.isdir(os.path.join(main, "web")):
    paths.append(main)
extra = os.environ.get("ODOO_EXTRA_ADDONS")
if extra:
    paths.extend(p for p in extra.split(",") if p)
paths.append(sys.argv[1])
print(",".join(paths))
PY
}

pg_bindir() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
    else
        echo "PostgreSQL server binaries (initdb, pg_ctl; version 13 or later) were not found: install them (Debian: postgresql) as the README explains." >&2
        exit 2
    fi
}

as_pg_user() {
    # Run a command as the cluster owner: ourselves, or the system user when root.
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$PG_SYSTEM_USER" -- "$@"
    else
        "$@"
    fi
}

pg_is_up() {
    "$PG_BIN/pg_isready" -q -h "$DB_HOST" -p "$DB_PORT" >/dev/null 2>&1
}

ensure_pg_system_user() {
    [ "$(id -u)" = 0 ] || return 0
    if ! id "$PG_SYSTEM_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_SYSTEM_USER"
    fi
    # The cluster owner must be able to reach .local/: grant search (x) on the
    # ancestors that lack it; nothing becomes readable.
    local dir="$LOCAL"
    while [ "$dir" != "/" ]; do
        if ! runuser -u "$PG_SYSTEM_USER" -- test -x "$dir" 2>/dev/null; then
            chmod o+x "$dir"
        fi
        dir=$(dirname "$dir")
    done
}

start_cluster() {
    # Start the private cluster under .local/pg unless PostgreSQL already answers.
    PG_BIN=$(pg_bindir)
    if pg_is_up; then
        warn_if_orphaned_cluster
        return 0
    fi
    mkdir -p "$LOCAL/pg"
    ensure_pg_system_user
    if [ "$(id -u)" = 0 ]; then
        chown "$PG_SYSTEM_USER" "$LOCAL/pg"
    fi
    if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
        echo "Creating a private PostgreSQL cluster in $PGDATA_DIR (superuser role '$DB_USER')"
        local pwfile
        pwfile=$(mktemp)
        printf '%s\n' "$DB_PASSWORD" >"$pwfile"
        chmod 644 "$pwfile"
        as_pg_user "$PG_BIN/initdb" -D "$PGDATA_DIR" -U "$DB_USER" --pwfile="$pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
        rm -f "$pwfile"
    fi
    as_pg_user mkdir -p "$PGRUN_DIR"
    as_pg_user "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGLOG" -w -t 60 \
        -o "-h $DB_HOST -p $DB_PORT -k $PGRUN_DIR -c fsync=off -c max_connections=200" start >/dev/null
    pg_is_up || { echo "PostgreSQL did not start; see $PGLOG" >&2; exit 1; }
    echo "PostgreSQL is serving $DB_HOST:$DB_PORT (data: $PGDATA_DIR)"
}

warn_if_orphaned_cluster() {
    # A cluster whose data directory was deleted under it still answers, then fails at
    # the first CREATE DATABASE: say so while it can still be understood.
    local served
    served=$("$PG_BIN/psql" -d postgres -tAc "SHOW data_directory" 2>/dev/null) || return 0
    if [ -n "$served" ] && [ "$served" != "$PGDATA_DIR" ] && [ ! -e "$served" ]; then
        echo "Warning: PostgreSQL on $DB_HOST:$DB_PORT serves $served, which is not on this" \
            "machine. If it is a cluster whose directory was removed, stop it and retry." >&2
    fi
}

stop_cluster() {
    PG_BIN=$(pg_bindir)
    if [ -s "$PGDATA_DIR/postmaster.pid" ]; then
        as_pg_user "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
        echo "PostgreSQL stopped."
    else
        echo "The private PostgreSQL cluster is not running."
    fi
}

db_exists() {
    "$PG_BIN/psql" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1
}

odoo_cmd() {
    # odoo_cmd ARGS...: Odoo's server with the project configuration.
    (cd "$ROOT" && TZ=UTC "$PYTHON" -m odoo -c "$CONF" --addons-path="$(odoo_addons_path)" "$@")
}

odoo_shell() {
    # odoo_shell ARGS... <script: Odoo's shell with the project configuration.
    (cd "$ROOT" && TZ=UTC "$PYTHON" -m odoo shell -c "$CONF" --addons-path="$(odoo_addons_path)" \
        --no-http "$@")
}
