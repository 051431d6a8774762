import { registry } from "@web/core/registry";

// 1x1 PNG, uploaded as the photo of a complaint
const PNG_BASE64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=";

function noHorizontalScroll(content) {
    return {
        content: `${content}: no horizontal scrolling on a phone screen`,
        trigger: "#wrapwrap",
        run() {
            const width = document.documentElement.clientWidth;
            const scroll = document.documentElement.scrollWidth;
            if (window.innerWidth > 420) {
                throw new Error(`The viewport is ${window.innerWidth}px wide, not a phone's.`);
            }
            if (scroll > width) {
                const wide = [...document.querySelectorAll("body *")]
                    .filter((el) => el.getBoundingClientRect().right > width + 1)
                    .slice(0, 5)
                    .map((el) => `${el.tagName}.${el.className}`);
                throw new Error(
                    `The page is ${scroll}px wide on a ${width}px screen: ${wide.join(", ")}`
                );
            }
        },
    };
}

registry.category("web_tour.tours").add("property_portal_complaint_submit_tour", {
    steps: () => [
        noHorizontalScroll("Complaint list"),
        {
            content: "Report a problem",
            trigger: "a.o_property_complaint_new",
            run: "click",
        },
        {
            content: "A repair request is proposed first, in the resident's words",
            trigger: "input#request_type_repair:checked",
        },
        {
            content: "The resident can also ask, suggest or complain",
            trigger: "label[for=request_type_complaint]",
        },
        {
            content: "What is the matter",
            trigger: "input[name=summary]",
            run: "edit Tour: water leak in the bathroom",
        },
        {
            content: "Details",
            trigger: "textarea[name=description]",
            run: "edit Water drips from the ceiling.",
        },
        {
            content: "A photo",
            trigger: "input[name=photos]",
            run() {
                const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "leak.png", { type: "image/png" }));
                this.anchor.files = transfer.files;
            },
        },
        noHorizontalScroll("Complaint form"),
        {
            content: "Submit",
            trigger: "button.o_property_complaint_submit",
            run: "click",
        },
        {
            content: "The complaint page shows the stage and the photo",
            trigger: ".o_property_complaint_page .o_property_photos img",
        },
        {
            content: "Nobody handles it yet",
            trigger: ".o_property_handler:contains('Being assigned')",
        },
        noHorizontalScroll("Complaint page"),
    ],
});

registry.category("web_tour.tours").add("property_portal_complaint_follow_tour", {
    steps: () => [
        {
            content: "Open the complaint from the list",
            trigger: "a.o_property_complaint_item:contains('Tour: water leak')",
            run: "click",
        },
        {
            content: "The handler's name",
            trigger: ".o_property_handler:contains('T Handler')",
        },
        {
            content: "The expected date",
            trigger: ".o_property_deadline:contains('2')",
        },
        noHorizontalScroll("Followed complaint"),
    ],
});

registry.category("web_tour.tours").add("property_portal_callback_tour", {
    steps: () => [
        {
            content: "The result is shown",
            trigger: ".o_property_result:contains('The leak is fixed.')",
        },
        noHorizontalScroll("Result and callback"),
        {
            content: "Dissatisfied",
            trigger: ".o_property_callback label:contains('Dissatisfied'):not(:contains('Very'))",
            run: "click",
        },
        {
            content: "Comment",
            trigger: "textarea[name=comments]",
            run: "edit The leak came back.",
        },
        {
            content: "Send the answer",
            trigger: "button.o_property_callback_submit",
            run: "click",
        },
        {
            content: "A second complaint follows it up",
            trigger: ".o_property_callback_done a.o_property_second_complaint",
        },
        {
            content: "The status follows the answer: no longer waiting for the callback",
            trigger: ".o_property_stage:contains('Callback Answered')",
        },
    ],
});

function localInput(days, hours) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    date.setHours(hours, 0, 0, 0);
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hours)}:00`;
}

registry.category("web_tour.tours").add("property_portal_visit_tour", {
    steps: () => [
        {
            content: "Invite a visitor",
            trigger: "a.o_property_visit_new",
            run: "click",
        },
        {
            content: "Visitor's name",
            trigger: "input[name=visitor_name]",
            run: "edit Tour Visitor",
        },
        {
            content: "Visitor's phone",
            trigger: "input[name=phone]",
            run: "edit 13812345678",
        },
        {
            content: "Visitor's e-mail",
            trigger: "input[name=email]",
            run: "edit tour.visitor@example.com",
        },
        {
            content: "From",
            trigger: "input[name=planned_time]",
            run() {
                this.anchor.value = localInput(2, 10);
            },
        },
        {
            content: "Until",
            trigger: "input[name=planned_end]",
            run() {
                this.anchor.value = localInput(2, 12);
            },
        },
        {
            content: "Plate",
            trigger: "input[name=vehicle_plate]",
            run: "edit 沪A12345",
        },
        noHorizontalScroll("Invitation form"),
        {
            content: "Invite",
            trigger: "button.o_property_visit_submit",
            run: "click",
        },
        {
            content: "The QR code of the planned visit",
            trigger: ".o_property_visit_page img.o_property_visit_qr",
        },
        noHorizontalScroll("Planned visit"),
    ],
});

registry.category("web_tour.tours").add("property_portal_goods_pass_tour", {
    steps: () => [
        {
            content: "Open the goods pass to approve",
            trigger: "a.o_property_goods_item:contains('Zhao Liu')",
            run: "click",
        },
        noHorizontalScroll("Goods pass"),
        {
            content: "Approve the carry-out",
            trigger: "button.o_property_goods_approve",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_property_goods_approved",
        },
    ],
});
