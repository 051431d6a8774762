import { registry } from "@web/core/registry";

const IN_PROGRESS = ".o_kanban_group:has(.o_column_title:contains('In Progress'))";

registry.category("web_tour.tours").add("property_complaint_register_tour", {
    steps: () => [
        {
            content: "The register opens on the open items",
            trigger: ".o_searchview_facet:contains('Open')",
        },
        {
            content: "Register a new complaint from the kanban",
            trigger: ".o_kanban_view .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Summary",
            trigger: ".o_form_view .o_field_widget[name=summary] input",
            run: "edit Tour lift stuck",
        },
        {
            content: "The phone channel is proposed",
            trigger: ".o_field_widget[name=channel_id] input:value(Phone / Hotline)",
        },
        {
            content: "Complainant name",
            trigger: ".o_field_widget[name=complainant_name] input",
            run: "edit Mr Tour",
        },
        {
            content: "Complainant phone",
            trigger: ".o_field_widget[name=partner_phone_display] input",
            run: "edit 13800138000",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The number is given",
            trigger: ".o_field_widget[name=name]:contains('TA-')",
        },
        {
            content: "Dispatch",
            trigger: "button[name=action_dispatch]",
            run: "click",
        },
        {
            content: "Choose the department",
            trigger: ".modal .o_field_widget[name=department_id] input",
            run: "edit Tour Engineering",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Engineering')",
            run: "click",
        },
        {
            content: "Choose the handler",
            trigger: ".modal .o_field_widget[name=handler_id] input",
            run: "edit Tour Handler",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Handler')",
            run: "click",
        },
        {
            content: "Confirm the dispatch",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The complaint is in progress",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Progress')",
        },
        {
            content: "Back to the kanban",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "The card is in the In Progress column",
            trigger: `${IN_PROGRESS} .o_kanban_record:contains('Tour lift stuck')`,
        },
        {
            content: "The column's bar counts by lateness, not by kind",
            trigger: `${IN_PROGRESS} .o_column_progress .progress-bar`,
            run() {
                if (!/bg-(danger|warning|info|success)/.test(this.anchor.className)) {
                    throw new Error(`Not a lateness colour: ${this.anchor.className}`);
                }
            },
        },
        {
            content: "The card is coloured by its lateness (not late: orange, blue or green)",
            trigger: `${IN_PROGRESS} .o_kanban_record:contains('Tour lift stuck')`,
            run() {
                if (!/o_kanban_color_(2|4|10)\b/.test(this.anchor.className)) {
                    throw new Error(`Not coloured by lateness: ${this.anchor.className}`);
                }
            },
        },
        {
            content: "Click the bar of the card's lateness",
            trigger: `${IN_PROGRESS} .o_column_progress .progress-bar`,
            run: "click",
        },
        {
            content: "The column keeps the card of that lateness",
            trigger: `${IN_PROGRESS} .o_kanban_record:contains('Tour lift stuck')`,
        },
    ],
});

registry.category("web_tour.tours").add("property_complaint_phone_callback_tour", {
    steps: () => [
        {
            content: "My callbacks to make",
            trigger: ".o_searchview_facet:contains('My Callbacks')",
        },
        {
            content: "Open the callback",
            trigger: ".o_data_row:contains('Tour callback leak') .o_data_cell",
            run: "click",
        },
        {
            content: "A phone callback",
            trigger: ".o_field_widget[name=method] input[data-value=phone]",
            run: "click",
        },
        {
            content: "No signature is asked for on the phone",
            trigger: ".o_form_view:not(:has(.o_field_widget[name=signature]))",
        },
        {
            content: "Who answered",
            trigger: ".o_field_widget[name=answered_by] input",
            run: "edit Mr Tour himself",
        },
        {
            content: "The time of the callback is now",
            trigger: ".o_field_widget[name=date_done] input",
            run() {
                if (!this.anchor.value) {
                    throw new Error("The time of the callback is empty.");
                }
            },
        },
        {
            content: "Very dissatisfied",
            trigger: ".o_field_widget[name=satisfaction_id] label:contains('Very Dissatisfied')",
            run: "click",
        },
        {
            content: "Record the callback",
            trigger: "button[name=action_done]",
            run: "click",
        },
        {
            content: "The second complaint is announced",
            trigger: ".o_notification:contains('Second complaint opened')",
        },
        {
            content: "The callback is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
