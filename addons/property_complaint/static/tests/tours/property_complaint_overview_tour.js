import { registry } from "@web/core/registry";

const SITE = ".o_kanban_record:contains('Tour Site')";

// The supervisor's day (issue #19): the overview of the sites, the late number opens
// the late complaints, one is dispatched from there.
registry.category("web_tour.tours").add("property_complaint_overview_dispatch_tour", {
    steps: () => [
        {
            content: "The supervisor lands on the overview: one card per site",
            trigger: `.o_property_site_overview ${SITE}`,
        },
        {
            content: "The site's numbers: one late, nothing due today",
            trigger: `${SITE} button.o_overview_late .badge.text-bg-danger:contains('1')`,
        },
        {
            trigger: `${SITE} button.o_overview_due_today .badge.text-bg-secondary:contains('0')`,
        },
        {
            content: "Open the late complaints",
            trigger: `${SITE} button.o_overview_late`,
            run: "click",
        },
        {
            content: "The list of the site's late complaints",
            trigger: ".o_breadcrumb:contains('Tour Site'):contains('Late')",
        },
        {
            content: "Open the late complaint",
            trigger: ".o_data_row:contains('Tour late leak') .o_data_cell",
            run: "click",
        },
        {
            content: "Dispatch it",
            trigger: ".o_form_view button[name=action_dispatch]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=department_id] input",
            run: "edit Tour Engineering",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Engineering')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=handler_id] input",
            run: "edit Tour Handler",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Handler')",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The complaint is in progress with its handler",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Progress')",
        },
        {
            trigger: ".o_field_widget[name=handler_id]:contains('Tour Handler')",
        },
    ],
});

// The handler's day: home is the work dispatched to them; the handling is recorded.
registry.category("web_tour.tours").add("property_complaint_handler_handling_tour", {
    steps: () => [
        {
            content: "The handler lands on My Work",
            trigger: ".o_breadcrumb:contains('My Work')",
        },
        {
            content: "Only what is dispatched to them: not a colleague's complaint",
            trigger: ".o_list_view:has(.o_data_row:contains('Tour handling leak')):not(:has(.o_data_row:contains('Tour other leak')))",
        },
        {
            content: "Open the complaint dispatched to them",
            trigger: ".o_data_row:contains('Tour handling leak') .o_data_cell",
            run: "click",
        },
        {
            content: "The handling",
            trigger: ".o_notebook a.nav-link:contains('Handling')",
            run: "click",
        },
        {
            content: "Investigation and evidence",
            trigger: ".o_field_widget[name=investigation] .odoo-editor-editable",
            run: "editor The riser pipe is cracked on floor 3.",
        },
        {
            content: "Cause analysis",
            trigger: ".o_field_widget[name=cause_analysis] textarea",
            run: "edit Old cast-iron pipe",
        },
        {
            content: "Record the investigation",
            trigger: ".o_form_view button[name=action_record_investigation]",
            run: "click",
        },
        {
            content: "The investigation is recorded; the solution comes next",
            trigger: ".o_form_view button[name=action_propose_solution]:visible",
        },
        {
            trigger: ".o_field_widget[name=investigation]:contains('riser pipe is cracked')",
        },
    ],
});
