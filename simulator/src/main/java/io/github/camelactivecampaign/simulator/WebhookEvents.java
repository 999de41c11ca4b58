// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the service would push to webhooks when an API call changed something: the event names it knows
 * ({@code GET /webhook/events}), the sources a webhook can choose, and the form fields of each event, with the nested
 * keys the service sends ({@code contact[email]}, {@code contact[fields][12]}, {@code deal[id]}).
 */
final class WebhookEvents {

    /** The events of {@code GET /webhook/events}, as the reference lists them. */
    static final List<String> NAMES = AccountOperations.WEBHOOK_EVENTS;

    /** Who caused a change: a contact (public), a user (admin), the API (api), an automation (system). */
    static final Set<String> SOURCES = Set.of("public", "admin", "api", "system");

    /** API calls are made by the account's admin user through the API. */
    static final String API = "api";

    /** One event to deliver: its name, its source and its form fields in the order they are sent. */
    record Event(String type, String source, Map<String, String> fields) {
    }

    private final SimulatorStore store;
    private final SimulatorClock clock;

    WebhookEvents(SimulatorStore store, SimulatorClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The record an operation is about to remove, read before it is gone (contactTags/delete), or null. */
    ObjectNode before(SimulatorRequest request) {
        if ("contactTags/delete".equals(request.operation().name())) {
            ObjectNode record = store.get("contactTags", request.pathParam(0));
            return record == null ? null : record.deepCopy();
        }
        return null;
    }

    /** The events a successful API call caused. */
    List<Event> caused(SimulatorRequest request, SimulatorResponse response, ObjectNode removed) {
        List<Event> events = new ArrayList<>();
        if (response.status() < 200 || response.status() >= 300) {
            return events;
        }
        JsonNode body = response.body();
        switch (request.operation().name()) {
            case "contacts/update" -> contactEvent(events, "update", body.path("contact"), null);
            case "contacts/sync" -> {
                // a sync of an existing contact is an update; a new contact joins no list, so no subscribe
                if (response.status() == 200) {
                    contactEvent(events, "update", body.path("contact"), null);
                }
            }
            case "contactLists/create" -> {
                JsonNode membership = body.path("contactList");
                String type = "2".equals(membership.path("status").asText()) ? "unsubscribe" : "subscribe";
                contactEvent(events, type, store.get("contacts", membership.path("contact").asText()),
                        membership.path("list").asText(null));
            }
            case "contactTags/create" -> tagEvent(events, "contact_tag_added", body.path("contactTag"));
            case "contactTags/delete" -> {
                if (removed != null) {
                    tagEvent(events, "contact_tag_removed", removed);
                }
            }
            case "deals/create" -> dealEvent(events, "deal_add", body.path("deal"));
            case "deals/update" -> dealEvent(events, "deal_update", body.path("deal"));
            case "deals/createNote", "notes/create" -> noteEvent(events, body.path("note"));
            case "lists/create" -> {
                Map<String, String> fields = header("list_add", null);
                JsonNode list = body.path("list");
                fields.put("list[id]", list.path("id").asText(""));
                fields.put("list[name]", list.path("name").asText(""));
                events.add(new Event("list_add", API, fields));
            }
            case "dealGroups/create" -> simple(events, "deal_pipeline_add", "pipeline", body.path("dealGroup"));
            case "dealStages/create" -> simple(events, "deal_stage_add", "stage", body.path("dealStage"));
            case "dealTasks/create" -> simple(events, "deal_task_add", "task", body.path("dealTask"));
            case "dealTasktypes/create" -> simple(events, "deal_tasktype_add", "tasktype", body.path("dealTasktype"));
            default -> {
                // no event for this operation
            }
        }
        return events;
    }

    /** The fields of an event the API cannot cause (a campaign sent, opened, clicked...), about a contact. */
    Map<String, String> about(String type, String contactId) {
        Map<String, String> fields = header(type, null);
        ObjectNode contact = contactId == null ? null : store.get("contacts", contactId);
        if (contact != null) {
            contactFields(fields, contact);
        }
        return fields;
    }

    Map<String, String> header(String type, String list) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("date_time", clock.timestamp());
        fields.put("initiated_by", "admin");
        fields.put("initiated_from", API);
        fields.put("list", list == null ? "0" : list);
        return fields;
    }

    private void contactEvent(List<Event> events, String type, JsonNode contact, String list) {
        if (contact == null || !contact.isObject() || contact.isEmpty()) {
            return;
        }
        Map<String, String> fields = header(type, list);
        contactFields(fields, (ObjectNode) contact);
        events.add(new Event(type, API, fields));
    }

    private void tagEvent(List<Event> events, String type, JsonNode contactTag) {
        ObjectNode contact = store.get("contacts", contactTag.path("contact").asText());
        ObjectNode tag = store.get("tags", contactTag.path("tag").asText());
        if (contact == null) {
            return;
        }
        Map<String, String> fields = header(type, null);
        contactFields(fields, contact);
        fields.put("tag", tag == null ? "" : tag.path("tag").asText(""));
        events.add(new Event(type, API, fields));
    }

    private void dealEvent(List<Event> events, String type, JsonNode deal) {
        if (!deal.isObject() || deal.isEmpty()) {
            return;
        }
        Map<String, String> fields = header(type, null);
        ObjectNode contact = store.get("contacts", deal.path("contact").asText());
        dealFields(fields, deal, contact);
        if (contact != null) {
            contactFields(fields, contact);
        }
        events.add(new Event(type, API, fields));
    }

    private void noteEvent(List<Event> events, JsonNode note) {
        String reltype = note.path("reltype").asText();
        String relid = note.path("relid").asText();
        if ("Deal".equals(reltype)) {
            ObjectNode deal = store.get("deals", relid);
            if (deal == null) {
                return;
            }
            Map<String, String> fields = header("deal_note_add", null);
            ObjectNode contact = store.get("contacts", deal.path("contact").asText());
            dealFields(fields, deal, contact);
            fields.put("deal[note]", note.path("note").asText(""));
            if (contact != null) {
                contactFields(fields, contact);
            }
            events.add(new Event("deal_note_add", API, fields));
        } else if ("Subscriber".equals(reltype)) {
            ObjectNode contact = store.get("contacts", relid);
            if (contact == null) {
                return;
            }
            Map<String, String> fields = header("subscriber_note", null);
            contactFields(fields, contact);
            fields.put("note", note.path("note").asText(""));
            events.add(new Event("subscriber_note", API, fields));
        }
    }

    private void simple(List<Event> events, String type, String prefix, JsonNode record) {
        if (!record.isObject() || record.isEmpty()) {
            return;
        }
        Map<String, String> fields = header(type, null);
        record.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode()) {
                fields.put(prefix + "[" + field.getKey() + "]", field.getValue().asText());
            }
        });
        events.add(new Event(type, API, fields));
    }

    private void contactFields(Map<String, String> fields, ObjectNode contact) {
        String id = contact.path("id").asText();
        fields.put("contact[id]", id);
        fields.put("contact[email]", contact.path("email").asText(""));
        fields.put("contact[first_name]", contact.path("firstName").asText(""));
        fields.put("contact[last_name]", contact.path("lastName").asText(""));
        fields.put("contact[phone]", contact.path("phone").asText(""));
        fields.put("contact[orgname]", contact.path("orgname").asText(""));
        StringJoiner tags = new StringJoiner(", ");
        for (ObjectNode contactTag : store.referencing("contactTags", "contact", id)) {
            ObjectNode tag = store.get("tags", contactTag.path("tag").asText());
            if (tag != null) {
                tags.add(tag.path("tag").asText());
            }
        }
        fields.put("contact[tags]", tags.toString());
        for (ObjectNode value : store.referencing("fieldValues", "contact", id)) {
            fields.put("contact[fields][" + value.path("field").asText() + "]", value.path("value").asText(""));
        }
    }

    private static void dealFields(Map<String, String> fields, JsonNode deal, ObjectNode contact) {
        fields.put("deal[id]", deal.path("id").asText(""));
        fields.put("deal[title]", deal.path("title").asText(""));
        fields.put("deal[create_date]", deal.path("cdate").asText(""));
        fields.put("deal[stageid]", deal.path("stage").asText(""));
        fields.put("deal[pipelineid]", deal.path("group").asText(""));
        fields.put("deal[value]", deal.path("value").asText(""));
        fields.put("deal[currency]", deal.path("currency").asText(""));
        fields.put("deal[owner]", deal.path("owner").asText(""));
        fields.put("deal[status]", deal.path("status").asText("0"));
        fields.put("deal[contactid]", deal.path("contact").asText(""));
        if (contact != null) {
            fields.put("deal[contact_email]", contact.path("email").asText(""));
            fields.put("deal[contact_firstname]", contact.path("firstName").asText(""));
            fields.put("deal[contact_lastname]", contact.path("lastName").asText(""));
        }
    }
}
