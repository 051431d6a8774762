#!/usr/bin/env bash
# A quicker loop while developing: install (first time) or upgrade the given addons in
# a long-lived database and run only their tests; `make test` remains the full check.
# Usage: scripts/dev_test.sh DATABASE ADDON[,ADDON...] [TEST_TAGS]
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
require_odoo
start_cluster
DB=${1:?usage: $0 DATABASE ADDONS [TEST_TAGS]}
ADDONS=${2:?usage: $0 DATABASE ADDONS [TEST_TAGS]}
TAGS=${3:-$(echo "$ADDONS" | sed 's/\([^,]*\)/\/\1/g')}
if db_exists "$DB"; then mode=(-u "$ADDONS"); else mode=(-i "$ADDONS"); fi
LOG="$LOCAL/dev-test-$DB.log"
mkdir -p "$LOCAL"
set +e
odoo_cmd -d "$DB" "${mode[@]}" --test-enable --test-tags "$TAGS" --stop-after-init \
    --db-filter "^${DB}\$" --http-port "${TEST_HTTP_PORT:-18069}" --max-cron-threads 0 \
    --log-level info --logfile "" 2>&1 | tee "$LOG" | "$PYTHON" "$ROOT/scripts/odoo_log_filter.py"
set -e
read -r passed skipped failed <<<"$("$PYTHON" "$ROOT/scripts/summarize_odoo_log.py" "$LOG")"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ]
