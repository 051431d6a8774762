import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_base_units_tour", {
    steps: () => [
        {
            content: "The unit of the user's site is listed",
            trigger: ".o_list_view .o_data_cell:contains('A1-TOUR-101')",
            run: "click",
        },
        {
            content: "Its form shows the owner",
            trigger: ".o_form_view .o_field_widget[name=owner_id]:contains('Tour Owner')",
        },
        {
            content: "Open the buildings from the menu",
            trigger: ".o_menu_sections [data-menu-xmlid='property_base.menu_property_master']",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='property_base.menu_property_building']",
            run: "click",
        },
        {
            content: "The building of the user's site is listed with its unit count",
            trigger: ".o_list_view .o_data_row:contains('Building 1')",
        },
    ],
});
