#!/usr/bin/env bash
# `make bench`: every benchmark script of bench/ over generated data in throwaway
# databases of the private cluster. Prints figures; never fails on a figure, but a
# script that fails (a traceback, an error logged, bench_upgrade_keeps_data's lost
# rows) is named and makes the run fail once every script has run.
#
# `bash bench/run.sh --tiny` (what `make test` runs): every script once at its tiny
# size (BENCH_TINY=1), each in a copy of one shared install of the project's addons
# (the template database property_bench_tiny_template, or BENCH_TEMPLATE when set),
# dropped afterwards. Last line: "bench: N passed, N failed".
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../scripts/lib.sh"
require_odoo
start_cluster
cd "$ROOT/bench"

tiny=0
if [ "${1:-}" = "--tiny" ]; then
    tiny=1
fi

drop_tiny_databases() {
    # every property_bench_tiny_* database but the template, and their filestores
    local db
    for db in $("$PG_BIN/psql" -d postgres -tAc \
        "SELECT datname FROM pg_database WHERE datname LIKE 'property\\_bench\\_tiny\\_%'"); do
        if [ "$db" != "${template:-}" ]; then
            "$PG_BIN/dropdb" --if-exists "$db" >/dev/null 2>&1
            rm -rf "$LOCAL/data/filestore/$db"
        fi
    done
}

own_template=0
if [ "$tiny" = 1 ]; then
    template=${BENCH_TEMPLATE:-}
    if [ -z "$template" ]; then
        template=property_bench_tiny_template
        own_template=1
        "$PG_BIN/dropdb" --if-exists "$template" >/dev/null 2>&1
        rm -rf "$LOCAL/data/filestore/$template"
        drop_tiny_databases
        start=$SECONDS
        echo "Installing the project's addons once in '$template' (no demo data)"
        if ! "$PG_BIN/createdb" -T template0 -E UTF8 "$template" \
            || ! odoo_cmd -d "$template" -i "$(project_addons)" --without-demo=all \
                --stop-after-init --no-http --max-cron-threads 0 --log-level warn; then
            echo "bench: the template database could not be installed"
            echo "bench: 0 passed, 1 failed"
            exit 1
        fi
        echo "template installed in $((SECONDS - start)) s"
    fi
    export BENCH_TINY=1 BENCH_TEMPLATE="$template"
fi

passed=0
failed=0
failures=()
for script in bench_*.py; do
    echo "## $script"
    start=$SECONDS
    TZ=UTC "$PYTHON" "$script"
    rc=$?
    if [ "$tiny" = 1 ]; then
        drop_tiny_databases
    fi
    if [ "$rc" = 0 ]; then
        passed=$((passed + 1))
        echo "$script: ok ($((SECONDS - start)) s)"
    else
        failed=$((failed + 1))
        failures+=("$script")
        echo "$script: FAILED (exit status $rc, $((SECONDS - start)) s)"
    fi
done

if [ "$own_template" = 1 ]; then
    "$PG_BIN/dropdb" --if-exists "$template" >/dev/null 2>&1
    rm -rf "$LOCAL/data/filestore/$template"
fi
if [ "$failed" -gt 0 ]; then
    echo "failed: ${failures[*]}"
fi
echo "bench: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
