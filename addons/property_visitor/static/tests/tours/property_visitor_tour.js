import { registry } from "@web/core/registry";

// The front desk's walk-in (issue #19): at most 6 typed fields per visitor. A new
// visitor is typed in (name, phone, ID number, purpose, unit); a repeat visitor is
// found by the phone, which fills the rest. The host's "agreed" is one button that
// stamps the answer now and checks the visitor in; the pass is shown at once.
// bench/bench_walk_in.py counts the steps between the "walk-in:" markers.
registry.category("web_tour.tours").add("property_visitor_walk_in_tour", {
    steps: () => [
        // walk-in: new visitor
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
            run: "edit 13698765432",
        },
        {
            content: "ID number (V01)",
            trigger: ".o_field_widget[name=id_number_masked] input",
            run: "edit 11010519491231002X",
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
            content: "The host's household comes from the unit",
            trigger: ".o_field_widget[name=host_partner_id] input:value(Tour Household)",
        },
        {
            content: "The host agreed: one button stamps it and checks the visitor in",
            trigger: ".o_form_view button[name=action_walk_in_check_in]",
            run: "click",
        },
        // end walk-in
        {
            content: "The visitor is on site",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('On Site')",
        },
        {
            content: "The pass is shown at once: the visitor, the unit, the host who agreed",
            trigger: ".o_visit_pass:contains('Tour Visitor'):contains('TOUR-101'):contains('Tour Household')",
        },
        {
            content: "and can be printed",
            trigger: ".o_form_view button[name=action_print_visit_pass]:visible",
        },
        {
            content: "the phone is shown masked",
            trigger: ".o_field_widget[name=phone_masked]:contains('136****5432')",
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
        // walk-in: repeat visitor
        {
            content: "The same visitor comes back",
            trigger: ".o_form_button_create",
            run: "click",
        },
        {
            content: "The phone finds the repeat visitor (looked up on leaving the field)",
            trigger: ".o_field_widget[name=phone_masked] input",
            run: "edit 13698765432 && click body",
        },
        {
            content: "The repeat visitor fills the name",
            trigger: ".o_field_widget[name=visitor_name] input:value(Tour Visitor)",
        },
        {
            content: "Purpose",
            trigger: ".o_field_widget[name=purpose] input",
            run: "edit Delivery",
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
            content: "The host agreed",
            trigger: ".o_form_view button[name=action_walk_in_check_in]",
            run: "click",
        },
        // end walk-in
        {
            content: "The repeat visitor's pass is shown",
            trigger: ".o_visit_pass:contains('Tour Visitor'):contains('TOUR-101')",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('On Site')",
        },
    ],
});
