// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Account-wide operations: the API user ({@code GET /users/me}: the account's admin, user 1), the event and site
 * tracking settings, the site tracking snippet, template sharing and the webhook event names.
 */
final class AccountOperations {

    /** The events a webhook can subscribe to, as {@code GET /webhook/events} lists them. */
    static final List<String> WEBHOOK_EVENTS = List.of("bounce", "click", "contact_tag_added",
            "contact_tag_removed", "deal_add", "deal_note_add", "deal_pipeline_add", "deal_stage_add",
            "deal_task_add", "deal_task_complete", "deal_tasktype_add", "deal_update", "forward", "list_add", "open",
            "reply", "sent", "share", "sms_reply", "sms_sent", "sms_unsub", "subscribe", "subscriber_note",
            "unsubscribe", "update");

    private final SimulatorContext context;
    private final Map<String, ObjectNode> settings = new ConcurrentHashMap<>();

    AccountOperations(SimulatorContext context) {
        this.context = context;
    }

    void register(Map<String, Function<SimulatorRequest, SimulatorResponse>> routes) {
        routes.put("users/me", this::me);
        routes.put("eventTracking/get", this::setting);
        routes.put("siteTracking/get", this::setting);
        routes.put("eventTracking/update", this::updateSetting);
        routes.put("siteTracking/update", this::updateSetting);
        routes.put("siteTracking/code", r -> SimulatorResponse.text(200, snippet()));
        routes.put("templates/share", this::shareTemplate);
        routes.put("webhooks/events", this::webhookEvents);
    }

    /** The account's admin, whom a new account has as user 1. */
    void seedAdmin() {
        context.store().create("users", context.mapper().createObjectNode().put("id", "1").put("username", "admin")
                .put("firstName", "Simulated").put("lastName", "Admin").put("email", "admin@example.com"));
    }

    void reset() {
        settings.clear();
    }

    private SimulatorResponse me(SimulatorRequest request) {
        ObjectNode admin = context.store().get("users", "1");
        return admin == null ? context.errors().notFound("users", "1")
                : context.shaper().single(request, "users", admin, 200);
    }

    private ObjectNode setting(String name) {
        return settings.computeIfAbsent(name, k -> context.mapper().createObjectNode().put("enabled", true));
    }

    private SimulatorResponse setting(SimulatorRequest request) {
        String name = request.operation().apiName();
        ObjectNode body = context.mapper().createObjectNode();
        body.set(name, setting(name).deepCopy());
        return SimulatorResponse.of(200, body);
    }

    private SimulatorResponse updateSetting(SimulatorRequest request) {
        ObjectNode fields = WriteRules.envelope(request.operation(), request.json());
        if (fields == null) {
            return context.rules().noEnvelope(request.operation());
        }
        String name = request.operation().apiName();
        setting(name).setAll(fields);
        return setting(request);
    }

    private String snippet() {
        return "<script type=\"text/javascript\">\n"
               + "    (function(e,t,o,n,p,r,i){e.prismGlobalObjectAlias=n;e.pgo=e.pgo||function(){(e.pgo.q=e.pgo.q||[])"
               + ".push(arguments)};e.pgo.l=(new Date).getTime();r=t.createElement(\"script\");r.src=o;r.async=true;"
               + "i=t.getElementsByTagName(\"script\")[0];i.parentNode.insertBefore(r,i)})(window,document,"
               + "\"https://prism.app-us1.com/prism.js\",\"pgo\");\n\n"
               + "    pgo('setAccount', " + ActiveCampaignSimulator.DEFAULT_TRACKING_ACCOUNT_ID + ");\n"
               + "    pgo('setTrackByDefault', true);\n\n"
               + "    pgo('process');\n</script>";
    }

    /** GET /template/share?id=: a share link for an existing template. */
    private SimulatorResponse shareTemplate(SimulatorRequest request) {
        String id = request.query("id");
        if (id != null && context.store().get("templates", id) == null) {
            return context.errors().notFound("templates", id);
        }
        String url = "http://tplshare.com/" + Integer.toHexString((id == null ? "" : id).hashCode());
        return SimulatorResponse.of(200, context.mapper().createObjectNode().put("url", url).put("success", 1)
                .put("message", "Template shared successfully").put("result_code", 1)
                .put("result_message", "Template shared successfully").put("result_output", "json"));
    }

    private SimulatorResponse webhookEvents(SimulatorRequest request) {
        ObjectNode body = context.mapper().createObjectNode();
        ArrayNode events = body.putArray("webhookEvents");
        WEBHOOK_EVENTS.forEach(events::add);
        body.putObject("meta").put("total", WEBHOOK_EVENTS.size());
        return SimulatorResponse.of(200, body);
    }
}
