#!/usr/bin/env bash
# Regenerate each addon's i18n/<addon>.pot from a database where it is installed, merge
# it into i18n/zh_CN.po and report what is left untranslated.
# Usage: scripts/i18n.sh DATABASE [ADDON ...]   (default: every addon)
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
require_odoo
start_cluster
DB=${1:?usage: $0 DATABASE [ADDON ...]}
shift
if [ "$#" -gt 0 ]; then addons=("$@"); else IFS=, read -r -a addons <<<"$(project_addons)"; fi
for addon in "${addons[@]}"; do
    dir="$ROOT/addons/$addon/i18n"
    mkdir -p "$dir"
    odoo_cmd -d "$DB" --i18n-export="$dir/$addon.pot" --modules="$addon" --stop-after-init \
        --log-level=warn
    if [ -f "$dir/zh_CN.po" ]; then
        msgmerge --quiet --update --no-fuzzy-matching --backup=none "$dir/zh_CN.po" "$dir/$addon.pot"
    else
        sed -e 's/^"Language: \\n"/"Language: zh_CN\\n"/' "$dir/$addon.pot" >"$dir/zh_CN.po"
    fi
    msgattrib --no-obsolete -o "$dir/zh_CN.po" "$dir/zh_CN.po"
    "$PYTHON" "$ROOT/scripts/i18n_fill.py" "$dir/zh_CN.po" "$ROOT/scripts/i18n_glossary_zh_CN.json" \
        "$ROOT/addons/property_base/tools/glossary_zh_CN.json"
    printf '%s: ' "$addon"
    msgfmt --statistics -o /dev/null "$dir/zh_CN.po"
done
