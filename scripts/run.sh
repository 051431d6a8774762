#!/usr/bin/env bash
# `make run`: the product on the embedded default (private cluster, demo database).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
require_odoo
start_cluster
DB=$(conf_value db_name)
ADDONS=$(project_addons)
HTTP_PORT=${HTTP_PORT:-$(conf_value http_port)}
if db_exists "$DB"; then
    installed=$("$PG_BIN/psql" -d "$DB" -tAc \
        "SELECT string_agg(name, ',') FROM ir_module_module WHERE state = 'installed'")
    new=()
    IFS=, read -r -a wanted <<<"$(install_list)"
    for addon in "${wanted[@]}"; do
        case ",$installed," in *",$addon,"*) ;; *) new+=("$addon") ;; esac
    done
    echo "Upgrading the project's addons in the existing database '$DB'"
    odoo_cmd -d "$DB" -u "$ADDONS" --stop-after-init
    if [ "${#new[@]}" -gt 0 ]; then
        echo "Installing the project's new addons: ${new[*]}"
        odoo_cmd -d "$DB" -i "$(IFS=,; echo "${new[*]}")" --stop-after-init
    fi
else
    echo "Creating the demo database '$DB' (all project addons, demo data, Simplified Chinese)"
    odoo_cmd -d "$DB" -i "$(install_list)" --load-language=zh_CN --stop-after-init
    odoo_shell -d "$DB" --log-level=warn <"$ROOT/scripts/demo_setup.py"
fi
cat <<MSG

  Odoo is starting on http://localhost:$HTTP_PORT  (database '$DB')
  Demo logins (password = login):
    admin / admin            administrator
    cs_manager               service-centre manager (服务中心经理)
    cs_supervisor            customer-service supervisor (客服主管)
    cs_agent                 customer-service agent (客服专员)
    cs_frontdesk, cs_guard, cs_handler, cs_trainer: front desk, gate, handler, trainer
    resident                 a resident in the portal (业主)
  Stop with Ctrl-C; stop PostgreSQL with 'make stop'.

MSG
exec_args=(-d "$DB" --http-port "$HTTP_PORT")
cd "$ROOT" && TZ=UTC exec "$PYTHON" -m odoo -c "$CONF" --addons-path="$(odoo_addons_path)" "${exec_args[@]}"
