import { registry } from "@web/core/registry";

function onPhone(content) {
    return {
        content: `${content}: a phone's screen, no horizontal scrolling`,
        trigger: "#wrapwrap",
        run() {
            const width = document.documentElement.clientWidth;
            if (window.innerWidth > 420) {
                throw new Error(`The viewport is ${window.innerWidth}px wide, not a phone's.`);
            }
            if (document.documentElement.scrollWidth > width) {
                throw new Error(`The page is wider than the ${width}px screen.`);
            }
        },
    };
}

registry.category("web_tour.tours").add("property_complaint_account_confirm_tour", {
    steps: () => [
        onPhone("The demand's page"),
        {
            content: "The work done and what it costs, taxes included",
            trigger: ".o_property_work_order_total:contains(220.00)",
        },
        {
            content: "The labour is listed",
            trigger: ".o_property_work_order li:contains(Pipe repair)",
        },
        {
            content: "The resident confirms the work and its price",
            trigger: "button.o_property_work_order_confirm",
            run: "click",
        },
        {
            content: "Confirmed: no button any more",
            trigger: ".o_property_work_order:not(:has(button.o_property_work_order_confirm))",
        },
    ],
});

registry.category("web_tour.tours").add("property_complaint_account_invoice_tour", {
    steps: () => [
        onPhone("The demand's page with its invoice"),
        {
            content: "The amount due",
            trigger: ".o_property_work_order_invoice:contains(220.00)",
        },
        {
            content: "The invoice's PDF can be downloaded",
            trigger: "a.o_property_invoice_pdf[href*='report_type=pdf']",
        },
        {
            content: "Open the invoice",
            trigger: "a.o_property_invoice_view",
            run: "click",
        },
        {
            content: "The invoice's portal page",
            trigger: "#invoice_content",
        },
        {
            content: "The invoice itself is shown in its frame",
            trigger: "iframe#invoice_html",
            async run() {
                const frame = document.querySelector("iframe#invoice_html");
                for (let i = 0; i < 100; i++) {
                    const doc = frame.contentDocument;
                    if (doc && doc.readyState === "complete" && doc.body?.children.length) {
                        return;
                    }
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                throw new Error("The invoice is not shown on its page.");
            },
        },
        {
            content: "The invoice's messages, loaded last",
            trigger: "#chatterRoot:shadow .o-mail-Chatter",
        },
    ],
});
