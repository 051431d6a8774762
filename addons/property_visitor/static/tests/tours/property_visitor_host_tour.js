import { registry } from "@web/core/registry";

// V02 (issue #20): the host opens the link of their SMS on a phone (390 px, no login),
// reads who comes and refuses with a reason; the page confirms the answer.
function noHorizontalScroll(content) {
    return {
        content: `${content}: no horizontal scrolling on a phone screen`,
        trigger: ".o_property_visit_host_link",
        run() {
            const width = document.documentElement.clientWidth;
            const scroll = document.documentElement.scrollWidth;
            if (window.innerWidth > 420) {
                throw new Error(`The viewport is ${window.innerWidth}px wide, not a phone's.`);
            }
            if (scroll > width) {
                throw new Error(`The page is ${scroll}px wide on a ${width}px screen.`);
            }
        },
    };
}

registry.category("web_tour.tours").add("property_visitor_host_refuse_tour", {
    steps: () => [
        noHorizontalScroll("The host's page"),
        {
            content: "The visitor's name is shown",
            trigger: ".o_visit_host_visitor:contains('Tour Guest')",
        },
        {
            content: "The reason for refusing",
            trigger: "input#reason",
            run: "edit Not expecting anyone",
        },
        {
            content: "Refuse",
            trigger: "button.o_visit_host_refuse",
            run: "click",
        },
        {
            content: "The answer is recorded",
            trigger: ".o_visit_host_done",
        },
        {
            content: "The page shows the answer and no more buttons",
            trigger: ".o_visit_host_answer:not(:has(button))",
            run() {
                if (document.querySelector("button.o_visit_host_refuse")) {
                    throw new Error("The buttons are still shown after the answer.");
                }
            },
        },
        noHorizontalScroll("The answered page"),
    ],
});

// V02: the front desk's register shows the host's answer given by the link: a badge in
// the list, an alert on the visit's form.
registry.category("web_tour.tours").add("property_visitor_desk_host_answer_tour", {
    steps: () => [
        {
            content: "The list shows the host's refusal as a badge",
            trigger:
                ".o_data_row:contains('Desk Tour Guest') td[name=host_answer] .badge.text-bg-danger",
        },
        {
            content: "Open the visit",
            trigger: ".o_data_row:contains('Desk Tour Guest') td[name=visitor_name]",
            run: "click",
        },
        {
            content: "The form warns that the host refused, with the host's reason",
            trigger: ".o_form_view .o_visit_host_refused:contains('Not at home')",
        },
    ],
});
