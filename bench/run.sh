#!/usr/bin/env bash
# `make bench`: every benchmark script of bench/ over generated data in throwaway
# databases of the private cluster. Prints figures; never fails on a figure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../scripts/lib.sh"
require_odoo
start_cluster
cd "$ROOT/bench"
for script in bench_*.py; do
    echo "## $script"
    TZ=UTC "$PYTHON" "$script"
done
