import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_staff_kpi_assessor_tour", {
    steps: () => [
        {
            content: "The assessment of the scored employee opens",
            trigger: ".o_form_view .o_field_widget[name=employee_id]:contains('Agent Zhao')",
        },
        {
            content: "Add a line",
            trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the late-arrival deduction",
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=item_id] input",
            run: "edit Late arrival",
        },
        {
            trigger: ".o-autocomplete--dropdown-menu a:contains('Late arrival or early leave')",
            run: "click",
        },
        {
            content: "Four points",
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=points] input",
            run: "edit 4",
        },
        {
            content: "The written reason",
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=reason] textarea",
            run: "edit Late by 20 minutes on 4 March",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The line is proposed",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Proposed')",
        },
        {
            content: "Submit",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {
            content: "The assessment is submitted",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Submitted')",
        },
    ],
});
