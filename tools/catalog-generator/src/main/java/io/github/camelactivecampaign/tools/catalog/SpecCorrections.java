// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The known defects of the public OpenAPI description and how the catalog corrects each of them, so that
 * the catalog describes what the service really serves. Every correction is recorded on the operations it
 * touched ({@code corrections} in operations.json). The operations real accounts serve and the description
 * omits are added as {@link UnlistedList}s, each with the evidence for it.
 */
final class SpecCorrections {

    /**
     * A paged list the service serves and the description does not list.
     *
     * @param path      the path served, answered with a page of records under {@code resultKey}
     * @param resultKey the response key holding the page
     * @param evidence  what shows that the service serves it (recorded as the operation's correction)
     */
    record UnlistedList(String path, String resultKey, String evidence) {
    }

    /**
     * The sub-resources a real contact's {@code links} name, each served as {@code GET /contacts/{id}/<name>}
     * (real-service-facts.md, "Records carry more than the request sent"). The description lists all of them but
     * {@code contactTags}, which {@link #CONTACT_TAGS_OF_A_CONTACT} adds.
     */
    static final List<String> CONTACT_LINKS = List.of(
            "bounceLogs", "contactAutomations", "contactData", "contactGoals", "contactLists", "contactLogs",
            "contactTags", "contactDeals", "deals", "fieldValues", "geoIps", "notes", "organization", "plusAppend",
            "trackingLogs", "scoreValues", "accountContacts", "automationEntryCounts");

    /** The tags of one contact: every real contact links them; the description lists the other links only. */
    static final UnlistedList CONTACT_TAGS_OF_A_CONTACT = new UnlistedList("/contacts/{id}/contactTags", "contactTags",
            "not in the description: every real contact's links name contactTags, served as "
            + "GET /contacts/{id}/contactTags (real-service-facts.md, records carry more than the request sent)");

    /** Every contact-tag relation, paged: the description lists only POST /contactTags and DELETE /contactTags/{id}. */
    static final UnlistedList CONTACT_TAG_RELATIONS = new UnlistedList("/contactTags", "contactTags",
            "not in the description: GET /contactTags, the paged collection of every contact-tag relation, is served "
            + "and synced by established connectors (real-service-facts.md)");

    /** Every contact-list relation, paged: the description lists only POST /contactLists. */
    static final UnlistedList CONTACT_LIST_RELATIONS = new UnlistedList("/contactLists", "contactLists",
            "not in the description: GET /contactLists, the paged collection of every contact-list relation, is "
            + "served and synced by established connectors (real-service-facts.md)");

    static final List<UnlistedList> UNLISTED_LISTS = List.of(
            CONTACT_TAGS_OF_A_CONTACT, CONTACT_TAG_RELATIONS, CONTACT_LIST_RELATIONS);

    /** Paths that the description misspells, with the path the service serves. */
    static final Map<String, String> PATHS = Map.of(
            "/groupMembers/{groupID} (COPY)", "/groupMembers/{groupId}",
            "/taskOutccomes/{id}", "/taskOutcomes/{id}",
            "/records/{schemdId}/external/{externalId}", "/customObjects/records/{schemaId}/external/{externalId}");

    /** Path parameter names made consistent: the item of a resource is {@code id}, others camelCase. */
    static final Map<String, String> PATH_PARAMS = Map.of(
            "noteid", "noteId",
            "geoAddressID", "geoAddressId",
            "groupID", "groupId",
            "schemdId", "schemaId",
            "ecomOrderId", "id");

    /** Query parameter names that the description misspells. */
    static final Map<String, String> QUERY_PARAMS = Map.of(
            "[]ids", "ids[]",
            "exclude=email", "exclude",
            "Fitlers[due_before]", "filters[due_before]");

    /** Request envelopes the description gets wrong: operation -> envelope key. */
    static final Map<String, String> BODY_KEYS = Map.of(
            "POST /fieldOption/bulk", "fieldOptions",
            "POST /dealRoles", "dealRole",
            "PUT /messages/{id}", "message");

    static final String TRACKING_URL_PATH = "/event";

    private SpecCorrections() {
    }

    static void apply(List<SpecOperation> operations) {
        for (SpecOperation operation : operations) {
            correctPath(operation);
            correctPathParams(operation);
            correctQueryParams(operation);
            correctHeaderParams(operation);
            dropBodyOnReads(operation);
            correctBodyKey(operation);
            correctEventTracking(operation);
        }
        addUnlistedLists(operations);
    }

    /** Adds each unlisted list the (corrected) description still lacks; a later description may list it. */
    private static void addUnlistedLists(List<SpecOperation> operations) {
        for (UnlistedList unlisted : UNLISTED_LISTS) {
            if (operations.stream().anyMatch(o -> "GET".equals(o.method) && unlisted.path().equals(o.path))) {
                continue;
            }
            SpecOperation operation = SpecOperation.unlisted("GET", unlisted.path());
            if (unlisted.path().contains("{id}")) {
                operation.params.add(new SpecOperation.Param("id", "path", true, "integer"));
            }
            ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            properties.putObject(unlisted.resultKey()).put("type", "array");
            properties.putObject("meta").put("type", "object");
            operation.responseSchema = schema;
            operation.correct(unlisted.evidence());
            operations.add(operation);
        }
    }

    private static void correctPath(SpecOperation operation) {
        String served = PATHS.get(operation.path);
        if (served != null) {
            operation.correct("path " + operation.path + " is served as " + served);
            operation.path = served;
        }
    }

    private static void correctPathParams(SpecOperation operation) {
        for (SpecOperation.Param param : operation.params("path")) {
            String renamed = PATH_PARAMS.get(param.name);
            if (renamed != null) {
                operation.correct("path parameter " + param.name + " is named " + renamed);
                operation.path = operation.path.replace("{" + param.name + "}", "{" + renamed + "}");
                param.name = renamed;
            }
        }
    }

    private static void correctQueryParams(SpecOperation operation) {
        for (SpecOperation.Param param : List.copyOf(operation.params("query"))) {
            String renamed = QUERY_PARAMS.get(param.name);
            if (renamed != null) {
                operation.correct("query parameter " + param.name + " is named " + renamed);
                param.name = renamed;
            }
            if (param.name.contains("<operator>")) {
                // a placeholder, not a name: operators go through raw bracket parameters
                operation.correct("query parameter " + param.name + " is a placeholder; dropped (pass it raw)");
                operation.params.remove(param);
            } else if ("api_key".equals(param.name)) {
                // the token travels in the Api-Token header, never in a URL
                operation.correct("query parameter api_key dropped: the token is sent as the Api-Token header");
                operation.params.remove(param);
            }
        }
    }

    private static void correctHeaderParams(SpecOperation operation) {
        for (SpecOperation.Param param : List.copyOf(operation.params("header"))) {
            if ("validateOnly".equals(param.name)) {
                operation.correct("validateOnly is a query parameter, not a header");
                param.in = "query";
            } else {
                operation.correct("header parameter " + param.name + " is a body field; dropped");
                operation.params.remove(param);
            }
        }
    }

    private static void dropBodyOnReads(SpecOperation operation) {
        if (operation.bodySchema != null && Set.of("GET", "DELETE").contains(operation.method)) {
            operation.correct(operation.method + " takes no request body");
            operation.bodySchema = null;
        }
    }

    private static void correctBodyKey(SpecOperation operation) {
        String key = BODY_KEYS.get(operation.method + " " + operation.path);
        if (key != null) {
            operation.correct("request body is wrapped in " + key);
            operation.bodyKey = key;
            operation.bodyType = "object";
            operation.bodyDecided = true;
        }
    }

    private static void correctEventTracking(SpecOperation operation) {
        if ("POST".equals(operation.method) && TRACKING_URL_PATH.equals(operation.path)) {
            operation.correct("event tracking is a form post to the tracking host (trackcmp.net/event), "
                              + "with actid, key, event, eventdata and visit, and no Api-Token");
            operation.host = "tracking";
            operation.bodyKey = null;
            operation.bodyType = "form";
            operation.bodyDecided = true;
        }
    }
}
