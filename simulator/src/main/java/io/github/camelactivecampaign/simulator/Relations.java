// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import static java.util.Map.entry;

/**
 * Which fields of a record refer to another record, and where that record lives: {@code contact} and
 * {@code subscriberid} to contacts, a deal's {@code stage} to dealStages, a note's {@code relid} to whatever its
 * {@code reltype} names. Companion arrays, contact sub-resources and the refusal of relations to missing records all
 * follow these.
 */
final class Relations {

    /** Field names that mean the same relation in every collection (in order of preference). */
    private static final Map<String, String> COMMON = ordered(
            entry("contact", "contacts"), entry("subscriberid", "contacts"), entry("deal", "deals"),
            entry("d_id", "deals"), entry("dealId", "deals"), entry("list", "lists"), entry("listid", "lists"),
            entry("tag", "tags"), entry("account", "accounts"), entry("accountId", "accounts"),
            entry("customerAccount", "accounts"), entry("field", "fields"), entry("stage", "dealStages"),
            entry("d_stageid", "dealStages"), entry("dealTasktype", "dealTasktypes"),
            entry("tasktype_id", "dealTasktypes"), entry("outcome_id", "taskOutcomes"),
            entry("seriesid", "automations"), entry("automation", "automations"),
            entry("connectionid", "connections"), entry("customerid", "ecomCustomers"),
            entry("orderid", "ecomOrders"), entry("geoaddrid", "geoAddresses"), entry("activityid", "activities"),
            entry("campaignid", "campaigns"), entry("messageid", "messages"), entry("userid", "users"),
            entry("user", "users"), entry("schemaId", "schemas"), entry("groupid", "groups"),
            entry("dealGroup", "dealGroups"), entry("role", "dealRoles"), entry("score", "scores"),
            entry("goalid", "goals"));

    /** Field names whose relation depends on the collection. */
    private static final Map<String, Map<String, String>> LOCAL = Map.of(
            "deals", Map.of("group", "dealGroups", "owner", "users", "organization", "organizations"),
            "dealStages", Map.of("group", "dealGroups"),
            "listGroups", Map.of("group", "groups"),
            "fieldRels", Map.of("relid", "lists"),
            "accountCustomFieldData", Map.of("customFieldId", "accountCustomFieldMeta"),
            "dealCustomFieldData", Map.of("customFieldId", "dealCustomFieldMeta"),
            "contacts", Map.of("orgid", "organizations"));

    /** What {@code reltype} (notes, tasks, activity recipients) or {@code ownerType} (tasks) name. */
    private static final Map<String, String> RELTYPES = Map.of("Subscriber", "contacts", "Deal", "deals",
            "CustomerAccount", "accounts", "contact", "contacts", "deal", "deals", "account", "accounts");

    /** Records a create or update may only refer to when they exist: the service answers 404 otherwise. */
    private static final Set<String> ENFORCED = Set.of("contacts", "deals", "lists", "tags", "accounts");

    /** The fields the store indexes: every field that can refer to another record. */
    static final Set<String> INDEXED = indexed();

    private Relations() {
    }

    @SafeVarargs
    private static Map<String, String> ordered(Map.Entry<String, String>... entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(map);
    }

    private static Set<String> indexed() {
        Set<String> fields = new HashSet<>(COMMON.keySet());
        LOCAL.values().forEach(local -> fields.addAll(local.keySet()));
        fields.add("relid");
        return Set.copyOf(fields);
    }

    /** The collection the field of this record refers to, or null when it refers to nothing. */
    static String target(String collection, String field, JsonNode record) {
        Map<String, String> local = LOCAL.get(collection);
        if (local != null && local.containsKey(field)) {
            return local.get(field);
        }
        if ("relid".equals(field)) {
            String type = record.path("reltype").asText(record.path("ownerType").asText(""));
            return RELTYPES.get(type);
        }
        String target = COMMON.get(field);
        // a tag's "tag" is its name, not a reference to another tag
        return collection.equals(target) ? null : target;
    }

    private static final Map<String, List<String>> FIELDS_TO = new ConcurrentHashMap<>();

    /** The fields of a collection's records that may refer to a record of the target collection. */
    static List<String> fieldsTo(String collection, String target) {
        return FIELDS_TO.computeIfAbsent(collection + ' ' + target, k -> findFieldsTo(collection, target));
    }

    private static List<String> findFieldsTo(String collection, String target) {
        List<String> fields = new ArrayList<>();
        Map<String, String> local = LOCAL.getOrDefault(collection, Map.of());
        local.forEach((field, to) -> {
            if (to.equals(target)) {
                fields.add(field);
            }
        });
        COMMON.forEach((field, to) -> {
            if (to.equals(target) && !local.containsKey(field) && !to.equals(collection)) {
                fields.add(field);
            }
        });
        if (!local.containsKey("relid") && RELTYPES.containsValue(target)) {
            fields.add("relid");
        }
        return List.copyOf(fields);
    }

    /** The id a field refers to, or null for "none" (absent, empty, 0). */
    static String reference(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String id = value.asText();
        return id.isEmpty() || "0".equals(id) ? null : id;
    }

    static boolean enforced(String target) {
        return ENFORCED.contains(target);
    }

    /** The record type a reltype-relation writes for a parent collection: a contact's notes say Subscriber. */
    static String reltype(String parentCollection) {
        return switch (parentCollection) {
            case "contacts" -> "Subscriber";
            case "deals" -> "Deal";
            case "accounts" -> "CustomerAccount";
            default -> ServiceErrors.capitalize(SimulatorCatalog.singular(parentCollection));
        };
    }
}
