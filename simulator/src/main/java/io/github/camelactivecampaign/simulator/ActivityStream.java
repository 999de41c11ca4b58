// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The account's activity stream: creating or updating a contact, a deal, a note, a contact's tag, list membership
 * or field value appends an activity naming the contact by {@code subscriberid}, with its recipient, as
 * {@code GET /activities} shows them ({@code contact}, {@code after}, {@code orders[tstamp]}).
 */
final class ActivityStream {

    static final String ACTIVITIES = "activities";
    static final String RECIPIENTS = "activityRecipients";

    /** The service's reference type and model name of each recorded collection. */
    private static final Map<String, String[]> REFERENCES = Map.of(
            "contacts", new String[] {"Subscriber", "contact"},
            "deals", new String[] {"Deal", "deal"},
            "notes", new String[] {"Note", "note"},
            "contactTags", new String[] {"ContactTag", "contact-tag"},
            "contactLists", new String[] {"ContactList", "contact-list"},
            "fieldValues", new String[] {"FieldValue", "field-value"});

    private final ObjectMapper mapper;
    private final SimulatorStore store;
    private final SimulatorClock clock;

    ActivityStream(ObjectMapper mapper, SimulatorStore store, SimulatorClock clock) {
        this.mapper = mapper;
        this.store = store;
        this.clock = clock;
    }

    /** Appends the activity of a create or update, when the record belongs to a contact. */
    void record(String collection, ObjectNode record, String action) {
        String[] reference = REFERENCES.get(collection);
        String contact = reference == null ? null : contactOf(collection, record);
        if (contact == null) {
            return;
        }
        ObjectNode activity = mapper.createObjectNode();
        activity.put("tstamp", clock.timestamp());
        activity.put("subscriberid", contact);
        activity.put("reference_type", reference[0]);
        activity.put("reference_id", record.path("id").asText());
        activity.put("reference_action", action);
        activity.put("userid", "1");
        activity.put("referenceModelName", reference[1]);
        activity.putObject("reference").put("type", reference[1]).put("id", record.path("id").asText());
        activity.put("user", "1");
        ObjectNode stored = store.create(ACTIVITIES, activity);

        ObjectNode recipient = mapper.createObjectNode();
        recipient.put("reltype", "Subscriber");
        recipient.put("relid", contact);
        recipient.put("activityid", stored.path("id").asText());
        recipient.putObject("recipient").put("type", "contact").put("id", contact);
        store.create(RECIPIENTS, recipient);
    }

    private String contactOf(String collection, ObjectNode record) {
        return switch (collection) {
            case "contacts" -> record.path("id").asText();
            case "notes" -> noteContact(record);
            default -> Relations.reference(record.get("contact"));
        };
    }

    private String noteContact(ObjectNode note) {
        String relid = note.path("relid").asText(null);
        if ("Deal".equals(note.path("reltype").asText())) {
            ObjectNode deal = store.get("deals", relid);
            return deal == null ? null : Relations.reference(deal.get("contact"));
        }
        return "Subscriber".equals(note.path("reltype").asText()) ? relid : null;
    }

    /** GET /activities: the contact's ({@code contact=}), since a time ({@code after=}), oldest first by default. */
    ListQuery.Page list(SimulatorRequest request, ListQuery query) {
        String contact = request.query("contact");
        List<ObjectNode> source = contact == null ? store.collection(ACTIVITIES).ordered()
                : store.referencing(ACTIVITIES, "subscriberid", contact);
        String after = request.query("after");
        Instant from = after == null ? null : Dates.parse(after, clock.zone());
        List<ObjectNode> matched = new ArrayList<>();
        boolean inOrder = true;
        Instant previous = Instant.MIN;
        for (ObjectNode activity : source) {
            Instant at = Dates.parse(activity.path("tstamp").asText(), clock.zone());
            if (from == null || !at.isBefore(from)) {
                inOrder &= !at.isBefore(previous);
                previous = at;
                matched.add(activity);
            }
        }
        if (!inOrder) {
            // a test that set the clock back: order by time, then id
            matched.sort(Comparator.comparing((ObjectNode a) -> Dates.parse(a.path("tstamp").asText(), clock.zone()))
                    .thenComparingLong(a -> RecordCollection.number(a.path("id").asText())));
        }
        return query.page("DESC".equalsIgnoreCase(request.query("orders[tstamp]")) ? ListQuery.reversed(matched)
                : matched, request);
    }
}
