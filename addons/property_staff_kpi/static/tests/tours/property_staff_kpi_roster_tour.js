import { registry } from "@web/core/registry";

// The site's supervisor publishes the gate's roster and records a spot check of the
// shift on duty (issue #23, A02).
registry.category("web_tour.tours").add("property_staff_kpi_roster_supervisor_tour", {
    steps: () => [
        {
            content: "The draft roster of the gate opens",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Draft')",
        },
        {
            content: "The shift of the agent is on it",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Agent Zhao')",
        },
        {
            content: "Publish the roster",
            trigger: ".o_form_view button[name=action_publish]",
            run: "click",
        },
        {
            content: "The roster is published",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Published')",
        },
        {
            content: "Open the staff assessment menu",
            trigger: ".o_menu_sections .dropdown-toggle:contains('Staff Assessment')",
            run: "click",
        },
        {
            content: "Open the spot checks",
            trigger: ".o-dropdown--menu .dropdown-item:contains('Spot Checks')",
            run: "click",
        },
        {
            content: "Record a spot check",
            trigger: ".o_list_view .o_list_button_add, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the shift on duty",
            trigger: ".o_form_view .o_field_widget[name=roster_line_id] input",
            run: "edit Agent Zhao",
        },
        {
            trigger: ".o-autocomplete--dropdown-menu a:contains('Agent Zhao')",
            run: "click",
        },
        {
            content: "The agent is away from the post",
            trigger: ".o_field_widget[name=result] label:contains('Away from the Post')",
            run: "click",
        },
        {
            content: "What the supervisor saw",
            trigger: ".o_field_widget[name=note] textarea",
            run: "edit Gate empty, nobody answered the radio",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The checker is the supervisor",
            trigger: ".o_field_widget[name=checked_by_id]:contains('K Supervisor')",
        },
    ],
});
