#!/usr/bin/env bash
# `make test`: every test of the project on a fresh database of the private
# cluster (browser tours in headless Chromium included), then ruff and pylint-odoo.
# Fails on any failure, error or skipped test; the last line is "N passed, N failed".
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
require_odoo
"$ROOT/scripts/install_test_deps.sh"
start_cluster

DB=${TEST_DB:-property_test}
ADDONS=$(project_addons)
TAGS=$(echo "$ADDONS" | sed 's/\([^,]*\)/\/\1/g')
LOG="$LOCAL/test-odoo.log"
mkdir -p "$LOCAL"
"$PG_BIN/dropdb" --if-exists "$DB" >/dev/null 2>&1 || true
rm -rf "$LOCAL/data/filestore/$DB"
"$PG_BIN/createdb" -T template0 -E UTF8 "$DB"

echo "Installing $ADDONS on a fresh database '$DB' and running their tests"
set +e
odoo_cmd -d "$DB" -i "$(install_list)" --test-enable --test-tags "$TAGS" --stop-after-init \
    --db-filter "^${DB}\$" --http-port "${TEST_HTTP_PORT:-18069}" --max-cron-threads 0 --log-level info \
    --logfile "" 2>&1 | tee "$LOG" | "$PYTHON" "$ROOT/scripts/odoo_log_filter.py"
set -e

results=()
results+=("$("$PYTHON" "$ROOT/scripts/summarize_odoo_log.py" "$LOG")")

echo "Harness tests (tests/)"
set +e
"$PYTHON" -m unittest discover -s "$ROOT/tests" -t "$ROOT" -p 'test_*.py' >"$LOCAL/test-harness.log" 2>&1
harness_rc=$?
set -e
cat "$LOCAL/test-harness.log"
results+=("$("$PYTHON" "$ROOT/scripts/summarize_unittest.py" "$LOCAL/test-harness.log" "$harness_rc")")

echo "Benchmarks at their tiny size (bench/run.sh --tiny: one check per script)"
set +e
bash "$ROOT/bench/run.sh" --tiny >"$LOCAL/test-bench.log" 2>&1
set -e
grep -E '^(bench_.*: (ok|FAILED)|template installed|bench: )' "$LOCAL/test-bench.log" || true
bench_counts=$(sed -n 's/^bench: \([0-9]*\) passed, \([0-9]*\) failed$/\1 0 \2/p' "$LOCAL/test-bench.log")
if [ -z "$bench_counts" ] || grep -q FAILED "$LOCAL/test-bench.log"; then
    cat "$LOCAL/test-bench.log"
fi
results+=("${bench_counts:-0 0 1}")

echo "Linters on addons/"
lint_passed=0
lint_failed=0
if (cd "$ROOT" && "$PYTHON" -m ruff check addons bench scripts tests conftest.py); then
    lint_passed=$((lint_passed + 1))
else
    lint_failed=$((lint_failed + 1)); echo "ruff: FAILED"
fi
if (cd "$ROOT" && "$PYTHON" -m pylint --rcfile=.pylintrc addons/*); then
    lint_passed=$((lint_passed + 1))
else
    lint_failed=$((lint_failed + 1)); echo "pylint-odoo: FAILED"
fi
results+=("$lint_passed 0 $lint_failed")

passed=0; failed=0; skipped=0
for r in "${results[@]}"; do
    read -r p s f <<<"$r"
    passed=$((passed + p)); skipped=$((skipped + s)); failed=$((failed + f))
done
echo
echo "Odoo tests, harness tests, the benchmarks at their tiny size and the two linters (each benchmark script and each linter counts as one check)."
if [ "$skipped" -gt 0 ]; then
    echo "$skipped skipped test(s): a skipped test is a failure here."
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$skipped" -gt 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
