import { registry } from "@web/core/registry";

// A resident opens the link of a message on a phone (390 px): the page of their
// complaint, its result, and the callback answered "不满意" (dissatisfied).
registry.category("web_tour.tours").add("property_complaint_link_tour", {
    steps: () => [
        {
            content: "The page of the one complaint of the link",
            trigger: ".o_property_complaint_link .o_complaint_link_number",
        },
        {
            content: "Its state in words",
            trigger: ".o_complaint_link_state:contains('回访')",
        },
        {
            content: "The result as communicated",
            trigger: ".o_complaint_link_result:contains('The leak is fixed.')",
        },
        {
            content: "Not satisfied",
            trigger:
                "label.o_complaint_link_level[data-dissatisfied='1']:contains('不满意'):not(:contains('非常'))",
            run: "click",
        },
        {
            content: "A comment",
            trigger: "textarea[name=comment]",
            run: "edit 天花板还在滴水",
        },
        {
            content: "Send the answer",
            trigger: "button.o_complaint_link_callback",
            run: "click",
        },
        {
            content: "The dissatisfaction is registered as a second complaint",
            trigger: ".o_complaint_link_notice:contains('投诉')",
        },
        {
            content: "The callback cannot be answered again",
            trigger: ".o_property_complaint_link:not(:has(.o_complaint_link_callback_form))",
        },
    ],
});
