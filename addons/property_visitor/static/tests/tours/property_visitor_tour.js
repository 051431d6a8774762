import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_visitor_walk_in_tour", {
    steps: () => [
        {
            content: "Register a new walk-in visitor",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Visitor name",
            trigger: ".o_field_widget[name=visitor_name] input",
            run: "edit Tour Visitor",
        },
        {
            content: "Phone",
            trigger: ".o_field_widget[name=phone_masked] input",
            run: "edit 13812345678",
        },
        {
            content: "Purpose",
            trigger: ".o_field_widget[name=purpose] input",
            run: "edit Meeting",
        },
        {
            content: "Host unit",
            trigger: ".o_field_widget[name=host_unit_id] input",
            run: "edit TOUR-101",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('TOUR-101')",
            run: "click",
        },
        {
            content: "Host contacted: who",
            trigger: ".o_field_widget[name=contact_person] input",
            run: "edit Ms Zhang",
        },
        {
            content: "how",
            trigger: ".o_field_widget[name=contact_method] select",
            run: "select \"phone\"",
        },
        {
            content: "when",
            trigger: ".o_field_widget[name=contact_time] input",
            run: "edit 03/03/2025 10:00:00",
        },
        {
            content: "answer",
            trigger: ".o_field_widget[name=contact_answer] select",
            run: "select \"agreed\"",
        },
        {
            content: "Check the visitor in",
            trigger: ".o_form_view button[name=action_check_in]",
            run: "click",
        },
        {
            content: "The visitor is on site; the phone is shown masked",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('On Site')",
        },
        {
            trigger: ".o_field_widget[name=phone_masked]:contains('138****5678')",
        },
        {
            content: "Check the visitor out",
            trigger: ".o_form_view button[name=action_check_out]",
            run: "click",
        },
        {
            content: "The visit is closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Left')",
        },
    ],
});
