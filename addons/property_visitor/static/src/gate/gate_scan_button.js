import { Component } from "@odoo/owl";
import * as BarcodeScanner from "@web/core/barcode/barcode_dialog";
import { isBarcodeScannerSupported } from "@web/core/barcode/barcode_video_scanner";
import { browser } from "@web/core/browser/browser";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { pick } from "@web/core/utils/objects";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

/**
 * The guard's "Scan" button on the gate screen: opens the camera through the web
 * client's own barcode scanner, puts the code read in the code field and runs the
 * check (the same path as a code typed by hand and "Verify").
 */
export class GateScanButton extends Component {
    static template = "property_visitor.GateScanButton";
    static props = { ...standardWidgetProps };

    setup() {
        this.notification = useService("notification");
    }

    get isSupported() {
        return isBarcodeScannerSupported();
    }

    async onScan() {
        let code;
        try {
            code = await BarcodeScanner.scanBarcode(this.env);
        } catch (error) {
            this.notification.add(error?.message || _t("The camera could not be opened."), {
                type: "danger",
            });
            return;
        }
        if (!code) {
            this.notification.add(_t("Nothing was read: scan again or type the pass number."), {
                type: "warning",
            });
            return;
        }
        if ("vibrate" in browser.navigator) {
            browser.navigator.vibrate(100);
        }
        await this.check(code);
    }

    /** Put ``code`` in the code field and verify it, as the "Verify" button does. */
    async check(code) {
        const record = this.props.record;
        await record.update({ token: code });
        await this.env.onClickViewButton({
            clickParams: { name: "action_verify", type: "object" },
            getResParams: () =>
                pick(record, "context", "evalContext", "resModel", "resId", "resIds"),
        });
    }
}

registry.category("view_widgets").add("property_gate_scan", {
    component: GateScanButton,
});
