#!/usr/bin/env bash
# Start, stop or query the private PostgreSQL cluster under .local/pg.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
case "${1:-}" in
    start) start_cluster ;;
    stop) stop_cluster ;;
    status) PG_BIN=$(pg_bindir); if pg_is_up; then echo "up on $DB_HOST:$DB_PORT"; else echo "down"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 64 ;;
esac
