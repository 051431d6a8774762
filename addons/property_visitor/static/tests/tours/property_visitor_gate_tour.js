import { registry } from "@web/core/registry";

const VALID = "Paaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.FBvBR5No8f1nAFEJEgvbBRFZj1_kV9RiKcxmhTE_fe8";
const FORGED = "Paaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab.FBvBR5No8f1nAFEJEgvbBRFZj1_kV9RiKcxmhTE_fe8";

registry.category("web_tour.tours").add("property_visitor_gate_tour", {
    steps: () => [
        {
            content: "The guard scans the code of a pass",
            trigger: ".o_field_widget[name=token] input",
            run: `edit ${VALID}`,
        },
        {
            trigger: "button[name=action_verify]",
            run: "click",
        },
        {
            content: "The pass is valid and shows its holder",
            trigger: ".o_gate_result.alert-success:contains('Valid')",
        },
        {
            trigger: ".o_field_widget[name=holder_name]:contains('Tour Holder')",
        },
        {
            content: "Next pass",
            trigger: "button[name=action_clear]",
            run: "click",
        },
        {
            content: "An altered code",
            trigger: ".o_field_widget[name=token] input",
            run: `edit ${FORGED}`,
        },
        {
            trigger: "button[name=action_verify]",
            run: "click",
        },
        {
            content: "says only that it is invalid",
            trigger: ".o_gate_result.alert-danger:contains('Invalid')",
        },
        {
            content: "Next pass",
            trigger: "button[name=action_clear]",
            run: "click",
        },
        {
            content: "A printed number typed that no pass of this gate has",
            trigger: ".o_field_widget[name=token] input",
            run: "edit tx99-99999",
        },
        {
            trigger: "button[name=action_verify]",
            run: "click",
        },
        {
            content: "says so in words",
            trigger: ".o_gate_result.alert-danger:contains('No pass, goods pass or visit numbered tx99-99999')",
        },
    ],
});
