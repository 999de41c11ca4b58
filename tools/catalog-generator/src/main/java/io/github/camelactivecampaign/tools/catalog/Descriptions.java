// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.util.Map;

import static io.github.camelactivecampaign.tools.catalog.OperationNaming.singular;
import static io.github.camelactivecampaign.tools.catalog.OperationNaming.words;

/**
 * Our own short descriptions of operations and parameters, made from the operation's name and shape (the
 * OpenAPI prose is not copied). {@link #OPERATIONS} words the operations the rules cannot.
 */
final class Descriptions {

    static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("contacts/sync", "Create a contact, or update the one with the same email"),
            Map.entry("eventTracking/track", "Track an event for a contact (sent to the event tracking host)"),
            Map.entry("eventTracking/get", "Tell whether event tracking is enabled"),
            Map.entry("eventTracking/update", "Enable or disable event tracking"),
            Map.entry("siteTracking/get", "Tell whether site tracking is enabled"),
            Map.entry("siteTracking/update", "Enable or disable site tracking"),
            Map.entry("siteTracking/code", "Get the site tracking JavaScript snippet"),
            Map.entry("import/bulkImport", "Import up to 250 contacts in one asynchronous call"),
            Map.entry("import/bulkImportStatus", "List the bulk imports and their state"),
            Map.entry("import/info", "Get the outcome of one bulk import batch"),
            Map.entry("users/me", "Get the user the API token belongs to"),
            Map.entry("templates/share", "Create a shareable link to a campaign template"),
            Map.entry("webhooks/events", "List the events a webhook can subscribe to"),
            Map.entry("customObjectSchemas/createPublic", "Create a public custom object schema"),
            Map.entry("customObjectSchemas/createChild", "Create a child schema of a public schema"),
            Map.entry("customObjectRecords/createOrUpdate", "Create a record, or update the one with the same id"),
            Map.entry("dealStages/moveDeals", "Move all deals of a stage to another stage"),
            Map.entry("dealTasktypes/moveTasks", "Move all tasks of a task type to another task type"),
            Map.entry("deals/patch", "Change the owner of many deals at once"),
            Map.entry("configs/update", "Change an account setting"),
            Map.entry("trackingLogs/contact", "Get the contact behind a tracking log event"),
            Map.entry("geoIps/geoAddress", "Get the address a geo IP resolves to"),
            Map.entry("contactLists/create", "Subscribe a contact to a list or unsubscribe it"),
            Map.entry("contactLists/list", "List the list subscriptions of every contact (contact-list relations)"),
            Map.entry("contactTags/list", "List the tags of every contact (contact-tag relations)"),
            Map.entry("contacts/contactTags", "List the tags of a contact (its contact-tag relations)"),
            Map.entry("contactTags/create", "Add a tag to a contact"),
            Map.entry("contactTags/delete", "Remove a tag from a contact"),
            Map.entry("contactAutomations/create", "Add a contact to an automation"),
            Map.entry("contactAutomations/delete", "Remove a contact from an automation"));

    private Descriptions() {
    }

    static String describe(String apiName, String methodName, SpecOperation spec, boolean list) {
        String fixed = OPERATIONS.get(apiName + "/" + methodName);
        if (fixed != null) {
            return fixed;
        }
        String plural = words(apiName);
        String one = singularWords(plural);
        if (methodName.startsWith("bulk")) {
            String action = words(methodName.substring(4));
            return "Bulk " + action + " " + plural + " in one call";
        }
        return switch (methodName) {
            case "list" -> "List " + plural + (spec.path.contains("{") ? " of a " + words(firstParam(spec)) : "");
            case "get" -> "Get " + article(one) + " " + one + " by id";
            case "create" -> "Create " + article(one) + " " + one;
            case "update" -> "Update " + article(one) + " " + one;
            case "patch" -> "Update several " + plural + " at once";
            case "delete" -> "Delete " + article(one) + " " + one;
            default -> describeSubResource(methodName, one, list);
        };
    }

    private static String describeSubResource(String methodName, String one, boolean list) {
        String[] verbs = { "create", "update", "delete", "get" };
        for (String verb : verbs) {
            if (methodName.startsWith(verb) && methodName.length() > verb.length()
                    && Character.isUpperCase(methodName.charAt(verb.length()))) {
                String target = words(methodName.substring(verb.length()));
                String sentenceVerb = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
                if (target.startsWith("by ")) {
                    return sentenceVerb + " " + article(one) + " " + one + " " + target;
                }
                return sentenceVerb + " " + article(target) + " " + target + " of " + article(one) + " " + one;
            }
        }
        String target = words(methodName);
        return (list ? "List the " : "Get the ") + target + " of " + article(one) + " " + one;
    }

    static String describeParameter(String name, String apiName) {
        String one = singularWords(words(apiName));
        if ("id".equals(name)) {
            return "Id of the " + one;
        }
        if ("limit".equals(name)) {
            return "Page size: 1 to 100 records (the service's default is 20)";
        }
        if ("offset".equals(name)) {
            return "Number of records to skip before the page starts";
        }
        if (name.startsWith("filters[")) {
            return "Filter on " + words(inner(name)).replace('_', ' ');
        }
        if (name.startsWith("orders[")) {
            return "Sort on " + words(inner(name)).replace('_', ' ') + ": ASC or DESC";
        }
        if (name.endsWith("[]")) {
            return "One or more " + name.substring(0, name.length() - 2) + ", comma separated or as a collection";
        }
        if (name.endsWith("Id")) {
            return "Id of the " + words(name.substring(0, name.length() - 2));
        }
        return "The " + words(name).replace('_', ' ') + " parameter";
    }

    private static String inner(String bracketName) {
        return bracketName.substring(bracketName.indexOf('[') + 1, bracketName.lastIndexOf(']'))
                .replace("][", " ");
    }

    private static String firstParam(SpecOperation spec) {
        String path = spec.path;
        String name = path.substring(path.indexOf('{') + 1, path.indexOf('}'));
        return name.endsWith("Id") ? name.substring(0, name.length() - 2) : singular(path.split("/")[1]);
    }

    private static String singularWords(String plural) {
        int space = plural.lastIndexOf(' ');
        String last = plural.substring(space + 1);
        return plural.substring(0, space + 1) + singular(last);
    }

    private static String article(String word) {
        return "aeio".indexOf(word.charAt(0)) >= 0 || word.startsWith("un") ? "an" : "a";
    }
}
