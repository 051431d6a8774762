import { registry } from "@web/core/registry";

// V02: a host answers "let in" / "refuse" from the link of their SMS; the server sends
// the answer on the bus to the site's front-desk users (property.visit.host.mixin).
// The desk sees a notice at once, and its open visit list reloads to show the answer.
export const propertyVisitHostAnswerService = {
    dependencies: ["bus_service", "notification", "action"],
    start(env, { bus_service, notification, action }) {
        bus_service.subscribe("property_visit_host_answer", (payload) => {
            notification.add(payload.message, {
                type: payload.type,
                sticky: payload.host_answer === "refused",
            });
            const controller = action.currentController;
            if (
                controller &&
                controller.action.res_model === "property.visit" &&
                controller.view?.type === "list"
            ) {
                action.restore(controller.jsId);
            }
        });
        bus_service.start();
    },
};

registry.category("services").add("property_visit_host_answer", propertyVisitHostAnswerService);
