// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Event tracking at {@code POST /event} (form encoded {@code actid}, {@code key}, {@code event}, {@code eventdata},
 * {@code visit}): an event of a known contact becomes a tracking log of that contact. The service answers 200 with
 * {@code success} 0 or 1 either way.
 */
final class EventTrackingEndpoint {

    static final String TRACKING_LOGS = "trackingLogs";

    private final SimulatorContext context;
    private final String accountId;
    private final String key;

    EventTrackingEndpoint(SimulatorContext context, String accountId, String key) {
        this.context = context;
        this.accountId = accountId;
        this.key = key;
    }

    SimulatorResponse track(Map<String, List<String>> form) {
        String event = first(form, "event");
        if (!accountId.equals(first(form, "actid")) || !key.equals(first(form, "key"))) {
            return answer(0, "Invalid actid or key");
        }
        if (event == null || event.isBlank() || event.length() > 32) {
            return answer(0, "event must be 1 to 32 characters");
        }
        String email = null;
        String visit = first(form, "visit");
        if (visit != null) {
            try {
                email = context.mapper().readTree(visit).path("email").asText(null);
            } catch (JsonProcessingException e) {
                return answer(0, "visit is not JSON");
            }
        }
        ObjectNode contact = email == null ? null : context.store().findBy("contacts", "email", email);
        if (contact != null) {
            trackingLog(contact.path("id").asText(), "event", event, first(form, "eventdata"));
        }
        return answer(1, "Event spawned");
    }

    /** Appends a tracking log (an event, a site visit) to a contact. */
    ObjectNode trackingLog(String contactId, String type, String value, String data) {
        ObjectNode log = context.mapper().createObjectNode();
        log.put("subscriberid", contactId);
        log.put("contact", contactId);
        log.put("type", type);
        log.put("value", value);
        if (data != null) {
            log.put("data", data);
        }
        log.put("tstamp", context.clock().timestamp());
        return context.store().create(TRACKING_LOGS, log);
    }

    private SimulatorResponse answer(int success, String message) {
        return SimulatorResponse.of(200, context.mapper().createObjectNode().put("success", success)
                .put("message", message));
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }
}
