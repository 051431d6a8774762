import { registry } from "@web/core/registry";

// the printed number of the tour's goods pass (fixed by the test), as the camera
// reads it off a phone photo or a guard types it: lower case, without its dash
const NUMBER = "XW2611-0042";
const READ = "xw26110042";

function onPhone(content, trigger = ".o_action_manager") {
    return {
        content: `${content}: on a phone's screen, without horizontal scrolling`,
        trigger,
        run() {
            if (window.innerWidth > 420) {
                throw new Error(`The viewport is ${window.innerWidth}px wide, not a phone's.`);
            }
            const width = document.documentElement.clientWidth;
            const scroll = document.documentElement.scrollWidth;
            if (scroll > width) {
                throw new Error(`The page is ${scroll}px wide on a ${width}px screen.`);
            }
        },
    };
}

function count(row, quantity) {
    const cell = `.modal .o_field_widget[name=line_ids] .o_data_row:nth-child(${row}) .o_data_cell[name=quantity_seen]`;
    return [
        {
            content: `Count item ${row}`,
            trigger: cell,
            run: "click",
        },
        {
            trigger: `${cell} input`,
            run: `edit ${quantity}`,
        },
    ];
}

registry.category("web_tour.tours").add("property_visitor_goods_check_tour", {
    steps: () => [
        onPhone("The gate screen"),
        {
            content: "The screen's title is the gate check's, not the model's",
            trigger: ".o_breadcrumb:contains('Gate check')",
            run() {
                const title = document.querySelector(".o_breadcrumb").textContent;
                if (title.includes("property.gate.verify")) {
                    throw new Error(`The title reads "${title}".`);
                }
            },
        },
        {
            content: "The camera (none headless) reads the printed number of the goods pass",
            trigger: ".o_form_view button.o_gate_scan:contains('Scan')",
            run() {
                const scanner = odoo.loader.modules.get("@web/core/barcode/barcode_dialog");
                scanner.scanBarcode = async () => READ;
            },
        },
        {
            content: "The guard taps Scan",
            trigger: ".o_form_view button.o_gate_scan",
            run: "click",
        },
        {
            content: "The answer at a glance: valid",
            trigger: ".o_gate_result.alert-success:contains('Valid')",
        },
        {
            content: "the code read is in the code field",
            trigger: `.o_field_widget[name=token] input:value(${READ})`,
        },
        {
            content: "the carrier",
            trigger: ".o_field_widget[name=holder_name]:contains('Zhao Liu')",
        },
        {
            content: "the items and their quantities",
            trigger: ".o_field_widget[name=items]:contains('Laptop × 2 台'):contains('Files box × 3')",
        },
        {
            content: "valid until the end of the day, site time, to the minute",
            trigger: ".o_field_widget[name=validity]:contains('23:59')",
            run() {
                const text = this.anchor.textContent.trim();
                if (/\d:\d\d:\d\d/.test(text)) {
                    throw new Error(`The validity shows seconds: ${text}`);
                }
            },
        },
        {
            content: "the title is the goods pass's number",
            trigger: `.o_breadcrumb:contains('${NUMBER}')`,
        },
        {
            content: "no empty photo placeholder for a goods pass (it has no photo)",
            trigger: ".o_form_view:has(.o_gate_result):not(:has(.o_field_widget[name=photo]))",
        },
        onPhone("The answer"),
        {
            content: "Check the goods",
            trigger: "button[name=action_check_goods]",
            run: "click",
        },
        {
            content: "The approved items, read-only",
            trigger: ".modal .o_data_row:nth-child(1) .o_data_cell[name=name]:contains('Laptop')",
        },
        {
            trigger: ".modal .o_data_row:nth-child(2) .o_data_cell[name=name]:contains('Files box')",
        },
        ...count(1, 2),
        ...count(2, 3),
        onPhone("The count", ".modal .o_form_view"),
        {
            content: "Confirm the counts",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The goods passed the gate",
            trigger: ".o_form_view .o_field_widget[name=gate_user_id]:contains('T Guard')",
        },
        {
            trigger: ".o_form_view .o_statusbar_status:contains('Passed the Gate')",
        },
    ],
});

registry.category("web_tour.tours").add("property_visitor_goods_check_desktop_tour", {
    steps: () => [
        {
            content: "The guard opens the confirmed goods pass and checks it at the gate",
            trigger: ".o_form_view button[name=action_gate_check]",
            run: "click",
        },
        {
            content: "The approved items, read-only",
            trigger: ".modal .o_data_row:nth-child(1) .o_data_cell[name=name]:contains('Laptop')",
        },
        ...count(1, 2),
        ...count(2, 4),
        {
            content: "Confirm the counts",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "A difference sends the pass back to customer service",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Sent Back')",
        },
        {
            trigger: ".o_form_view .o_data_row.text-danger .o_data_cell[name=name]:contains('Files box')",
        },
    ],
});
