// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.ZoneId;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One page of a list: the filters every list understands, the order asked for, limit and offset. A page of an
 * unfiltered list (or one ordered by id, or after an id) costs the page, not the collection: it is a view of the
 * records in creation order. Filters on indexed fields (email, contact, list and tag membership) start from the
 * index; other filters scan once with cheap predicates.
 */
final class ListQuery {

    static final int MAX_PAGE = 100;
    static final int DEFAULT_PAGE = 20;

    /** Parameters that page, shape or select answers rather than compare a field. */
    private static final Set<String> NOT_FILTERS = Set.of("limit", "offset", "include", "listid", "tagid",
            "email_like", "segmentid", "formid", "seriesid", "waitid", "forceQuery", "sort", "count_deals");

    private static final Set<String> DATE_FILTERS = Set.of("created_after", "created_before", "updated_after",
            "updated_before");

    /** The page, the number of records that matched and the matching records themselves (for meta). */
    record Page(List<ObjectNode> records, int total, int limit, int offset, List<ObjectNode> matched) {
    }

    /**
     * The records the last few filtered queries found, by collection and query (without paging): a client paging
     * through a filter (the contacts feed's updated_after) scans once, then each page costs the page.
     */
    private record Found(long version, List<ObjectNode> matched) {
    }

    private static final int REMEMBERED = 8;

    private final SimulatorStore store;
    private final ZoneId zone;
    private final Map<String, Found> found = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Found> eldest) {
            return size() > REMEMBERED;
        }
    };

    ListQuery(SimulatorStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    /** A page of a whole collection, filtered and ordered by the request's query. */
    Page run(String collection, ResourceShape shape, SimulatorRequest request) {
        RecordCollection records = store.collection(collection);
        List<ObjectNode> source = records.ordered();
        Predicate<ObjectNode> filter = null;
        String order = null;
        boolean descending = false;
        boolean narrowed = false;
        for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue().get(0);
            if (name.startsWith("orders[") && name.endsWith("]")) {
                order = name.substring(7, name.length() - 1);
                descending = "DESC".equalsIgnoreCase(value);
                continue;
            }
            if (NOT_FILTERS.contains(name)) {
                continue;
            }
            String field = name.startsWith("filters[") && name.endsWith("]")
                    ? name.substring(8, name.length() - 1) : name;
            if (!narrowed && RecordCollection.indexable(field)) {
                // start from the index: the records with that value, in creation order
                source = byIds(records, records.idsWhere(field, value));
                narrowed = true;
            } else if (!narrowed && records.idsAscending() && isId(value)
                       && ("id_greater".equals(field) || "id_less".equals(field))) {
                long id = Long.parseLong(value);
                source = "id_greater".equals(field) ? source.subList(records.firstAbove(id), source.size())
                        : source.subList(0, records.firstAbove(id - 1));
                narrowed = true;
                continue;
            } else if (!narrowed && DATE_FILTERS.contains(field)) {
                DateIndex dates = records.dates(field.startsWith("created") ? "created" : "updated");
                if (dates != null) {
                    boolean before = field.endsWith("_before");
                    long second = Dates.parse(value, zone).getEpochSecond();
                    if (dates.count(second, before) < records.size()) {
                        source = byIds(records, new LinkedHashSet<>(dates.ids(second, before)));
                        narrowed = true;
                    }
                    // every record in the range, and only those: no predicate left to test
                    continue;
                }
            }
            filter = and(filter, condition(shape, field, value));
        }
        Set<String> members = membership(collection, request);
        if (members != null) {
            filter = and(filter, r -> members.contains(r.path("id").asText()));
        }
        boolean byId = order == null || "id".equals(order) && records.idsAscending();
        if (byId && filter == null) {
            return page(descending ? reversed(source) : source, request);
        }
        // a membership filter depends on other collections: not remembered
        String key = members == null ? collection + ' ' + withoutPaging(request) : null;
        Found known = key == null ? null : found.get(key);
        List<ObjectNode> matched;
        if (known != null && known.version() == records.version()) {
            matched = known.matched();
        } else {
            matched = new ArrayList<>();
            for (ObjectNode record : source) {
                if (filter == null || filter.test(record)) {
                    matched.add(record);
                }
            }
            if (!byId) {
                matched = sorted(matched, order);
            }
            if (key != null) {
                found.put(key, new Found(records.version(), matched));
            }
        }
        return page(descending ? reversed(matched) : matched, request);
    }

    private static String withoutPaging(SimulatorRequest request) {
        Map<String, List<String>> query = new TreeMap<>(request.query());
        query.remove("limit");
        query.remove("offset");
        return query.toString();
    }

    private static List<ObjectNode> byIds(RecordCollection records, Set<String> ids) {
        List<ObjectNode> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            found.add(records.get(id));
        }
        if (records.idsAscending()) {
            found.sort(Comparator.comparingLong(r -> RecordCollection.number(r.path("id").asText())));
        }
        return found;
    }

    private static boolean isId(String value) {
        return RecordCollection.number(value) >= 0;
    }

    /** A page of records already chosen (a contact's deals, the activity stream). */
    Page page(List<ObjectNode> records, SimulatorRequest request) {
        int limit = number(request.query("limit"), DEFAULT_PAGE, "limit");
        int offset = Math.max(0, number(request.query("offset"), 0, "offset"));
        limit = Math.max(0, Math.min(MAX_PAGE, limit));
        int from = Math.min(offset, records.size());
        int to = Math.min(records.size(), from + limit);
        return new Page(List.copyOf(records.subList(from, to)), records.size(), limit, offset, records);
    }

    private static int number(String text, int otherwise, String name) {
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got " + text);
        }
    }

    /** Contacts in a list ({@code listid}, unsubscribed ones excluded) or with a tag ({@code tagid}). */
    private Set<String> membership(String collection, SimulatorRequest request) {
        if (!"contacts".equals(collection)) {
            return null;
        }
        Set<String> members = null;
        String listId = request.query("listid");
        if (listId != null) {
            members = new HashSet<>();
            for (ObjectNode membership : store.referencing("contactLists", "list", listId)) {
                if (!"2".equals(membership.path("status").asText())) {
                    members.add(membership.path("contact").asText());
                }
            }
        }
        String tagId = request.query("tagid");
        if (tagId != null) {
            Set<String> tagged = new HashSet<>();
            store.referencing("contactTags", "tag", tagId).forEach(t -> tagged.add(t.path("contact").asText()));
            members = members == null ? tagged : intersect(members, tagged);
        }
        String emailLike = request.query("email_like");
        if (emailLike != null) {
            String part = emailLike.toLowerCase(Locale.ROOT);
            Set<String> like = new LinkedHashSet<>();
            for (ObjectNode contact : store.collection("contacts").ordered()) {
                if (contact.path("email").asText().toLowerCase(Locale.ROOT).contains(part)) {
                    like.add(contact.path("id").asText());
                }
            }
            members = members == null ? like : intersect(members, like);
        }
        return members;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    /**
     * Filters: a parameter named like a field ({@code email=}, {@code contact=}; records without the field match),
     * {@code search}, {@code ids}, {@code id_greater}, {@code id_less} and the date filters {@code created_after},
     * {@code created_before}, {@code updated_after}, {@code updated_before} (a date is the start of that day in the
     * account's zone).
     */
    private Predicate<ObjectNode> condition(ResourceShape shape, String field, String value) {
        return switch (field) {
            case "search" -> {
                String part = value.toLowerCase(Locale.ROOT);
                yield r -> Arrays.asList("email", "firstName", "lastName", "title", "name").stream()
                        .anyMatch(f -> r.path(f).asText("").toLowerCase(Locale.ROOT).contains(part));
            }
            case "ids" -> {
                Set<String> ids = new HashSet<>(Arrays.asList(value.split(",")));
                yield r -> ids.contains(r.path("id").asText());
            }
            case "id_greater" -> r -> RecordCollection.number(r.path("id").asText()) > Long.parseLong(value);
            case "id_less" -> r -> RecordCollection.number(r.path("id").asText()) < Long.parseLong(value);
            case "created_after" -> after(shape.createdField(), shape.createdField(), value, false);
            case "created_before" -> after(shape.createdField(), shape.createdField(), value, true);
            case "updated_after" -> after(shape.updatedField(), shape.createdField(), value, false);
            case "updated_before" -> after(shape.updatedField(), shape.createdField(), value, true);
            case "email" -> r -> value.equalsIgnoreCase(r.path("email").asText());
            default -> r -> !r.has(field) || value.equalsIgnoreCase(r.path(field).asText());
        };
    }

    private Predicate<ObjectNode> after(String field, String fallback, String value, boolean before) {
        Dates.Bound bound = new Dates.Bound(Dates.parse(value, zone), zone);
        return r -> {
            JsonNode date = field == null ? null : r.get(field);
            String text = date != null && !date.isNull() ? date.asText()
                    : fallback != null ? r.path(fallback).asText() : "";
            int comparison = bound.compare(text);
            return before ? comparison < 0 : comparison >= 0;
        };
    }

    /** Sorted on one field: numbers and dates by value (keys computed once per record), other text as text. */
    private List<ObjectNode> sorted(List<ObjectNode> records, String field) {
        record Keyed(ObjectNode record, boolean numeric, long number, String text) {
        }
        List<Keyed> keyed = new ArrayList<>(records.size());
        for (ObjectNode record : records) {
            String text = record.path(field).asText("");
            long id = RecordCollection.number(text);
            if (id >= 0) {
                keyed.add(new Keyed(record, true, id, text));
            } else if (Dates.styleOf(text) != null) {
                keyed.add(new Keyed(record, true, Dates.parse(text, zone).getEpochSecond(), text));
            } else {
                keyed.add(new Keyed(record, false, 0, text));
            }
        }
        keyed.sort(Comparator.comparing((Keyed k) -> !k.numeric()).thenComparingLong(Keyed::number)
                .thenComparing(Keyed::text));
        List<ObjectNode> sorted = new ArrayList<>(keyed.size());
        keyed.forEach(k -> sorted.add(k.record()));
        return sorted;
    }

    private static Predicate<ObjectNode> and(Predicate<ObjectNode> a, Predicate<ObjectNode> b) {
        return a == null ? b : a.and(b);
    }

    static List<ObjectNode> reversed(List<ObjectNode> records) {
        return new AbstractList<>() {
            @Override
            public ObjectNode get(int index) {
                return records.get(records.size() - 1 - index);
            }

            @Override
            public int size() {
                return records.size();
            }
        };
    }
}
