import { registry } from "@web/core/registry";

// An agent opens a complaint whose neighbour called about the same leak: the related
// complaint is proposed, and the two are linked as one group complaint (C05).
registry.category("web_tour.tours").add("property_complaint_group_tour", {
    steps: () => [
        {
            content: "The related complaint is proposed",
            trigger: ".o_form_view button[name=action_view_related]:contains('1')",
        },
        {
            content: "Link them as a group",
            trigger: ".o_form_view button[name=action_link_related]",
            run: "click",
        },
        {
            content: "The customers of the group are shown",
            trigger: ".o_form_view button[name=action_view_group]:contains('2')",
        },
    ],
});
