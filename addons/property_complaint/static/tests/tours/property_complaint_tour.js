import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_complaint_register_tour", {
    steps: () => [
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
            trigger:
                ".o_kanban_group:has(.o_column_title:contains('In Progress')) .o_kanban_record:contains('Tour lift stuck')",
        },
    ],
});
