#!/usr/bin/env bash
# Install what the test command needs and is missing: the Python requirements and,
# when run as root on Debian, Chromium (browser tours), wkhtmltopdf (PDF reports),
# a compact CJK font and poppler-utils (reading PDFs back in tests).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

if ! "$PYTHON" - "$ROOT/requirements.txt" "$ROOT/requirements-test.txt" <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version
from packaging.requirements import Requirement
missing = []
lines = [line for path in sys.argv[1:] for line in open(path)]
for line in lines:
    line = line.split("#")[0].strip()
    if not line or line.startswith("-"):
        continue
    req = Requirement(line)
    try:
        if version(req.name) not in req.specifier:
            missing.append(line)
    except PackageNotFoundError:
        missing.append(line)
sys.exit(1 if missing else 0)
PY
then
    echo "Installing the Python requirements"
    "$PYTHON" -m pip install -q -r "$ROOT/requirements-test.txt"
fi

need=()
command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || need+=(chromium)
command -v wkhtmltopdf >/dev/null 2>&1 || need+=(wkhtmltopdf)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei)
if [ "${#need[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing ${need[*]} (Debian packages)"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    else
        echo "Missing: ${need[*]} (install them, e.g. with apt-get, as root)." >&2
        exit 2
    fi
fi
