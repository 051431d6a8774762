import { registry } from "@web/core/registry";

// the gate code of the tour's goods pass (secret and key fixed by the test)
const GOODS = "Gbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.JYAnPqe1XFEHdJHP3yVsGDaqpqOm_LX5tXMD1NpBy8c";

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
            content: "The guard scans the code of the goods pass",
            trigger: ".o_field_widget[name=token] input",
            run: `edit ${GOODS}`,
        },
        {
            trigger: "button[name=action_verify]",
            run: "click",
        },
        {
            content: "The goods pass is valid and lists its items",
            trigger: ".o_gate_result.alert-success:contains('Valid')",
        },
        {
            trigger: ".o_field_widget[name=items]:contains('Laptop')",
        },
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
