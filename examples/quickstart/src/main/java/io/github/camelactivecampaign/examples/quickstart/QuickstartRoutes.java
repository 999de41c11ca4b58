// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportProgress;
import io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportSummary;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Syncs the contacts of contacts.csv and tags them, opens a deal with a note for those marked so, tracks an event,
 * then pages through the contacts it tagged and imports import-contacts.csv in bulk. A webhook route receives what
 * the account pushes meanwhile: the tags added, the deals and their notes.
 */
public class QuickstartRoutes extends RouteBuilder {

    static final String TAG = "camel-quickstart";

    private final QuickstartSummary summary;
    private final boolean trackEvents;
    private final String startedAt;
    private final String webhookUrl;
    private final boolean bulkImport;

    /**
     * @param webhookUrl where the account posts webhook deliveries to this application, or null for no webhook route
     * @param bulkImport whether to import import-contacts.csv
     */
    public QuickstartRoutes(QuickstartSummary summary, boolean trackEvents, String startedAt, String webhookUrl,
                            boolean bulkImport) {
        this.summary = summary;
        this.trackEvents = trackEvents;
        this.startedAt = startedAt;
        this.webhookUrl = webhookUrl;
        this.bulkImport = bulkImport;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.ERROR, "quickstart", "Quickstart failed: ${exception.message}")
                .process(e -> summary.finished());

        if (webhookUrl != null) {
            // first, so that the webhook is registered before the onboarding starts; removed when the route stops
            from("activecampaign:webhook?events=contact_tag_added,deal_add,deal_note_add&sources=api&webhookUrl="
                 + webhookUrl).routeId("webhooks")
                    .process(e -> summary.webhookReceived(e.getMessage().getHeader("CamelActiveCampaignWebhookType",
                            String.class)))
                    .log(LoggingLevel.INFO, "quickstart",
                            "webhook: ${header.CamelActiveCampaignWebhookType} for ${body[contact][email]}");
        }

        from("timer:quickstart?repeatCount=1").routeId("quickstart")
                .setBody(constant(Map.of("tag", TAG, "tagType", "contact", "description", "Added by the Camel quickstart")))
                .to("activecampaign:tags/create")
                .setProperty("tagId", simple("${body[tag][id]}"))
                .log(LoggingLevel.INFO, "quickstart", "created tag " + TAG + " (${exchangeProperty.tagId})")
                .process(e -> e.getMessage().setBody(readContacts()))
                .split(body())
                    .to("direct:onboard")
                .end()
                .to("direct:listContacts")
                .filter(e -> bulkImport)
                    // the onboarding's activities first: the import's own are not counted
                    .process(e -> summary.awaitActivities(QuickstartApplication.ACTIVITY_WAIT))
                    .to("direct:bulkImport")
                .end()
                .process(e -> summary.finished());

        from("direct:onboard").routeId("onboard")
                .setProperty("openDeal", simple("${body[openDeal]}"))
                .setBody(simple("${body[contact]}"))
                .to("activecampaign:contacts/sync")
                .process(e -> summary.contactSynced())
                .log(LoggingLevel.INFO, "quickstart", "synced ${body[contact][email]} as contact ${body[contact][id]}")
                .setProperty("contactId", simple("${body[contact][id]}"))
                .setProperty("email", simple("${body[contact][email]}"))
                .process(e -> e.getMessage().setBody(Map.of("contact", e.getProperty("contactId"),
                        "tag", e.getProperty("tagId"))))
                .to("activecampaign:contactTags/create")
                .process(e -> summary.contactTagged())
                .filter(exchangeProperty("openDeal").isEqualTo("true"))
                    .process(e -> e.getMessage().setBody(Map.of(
                            "title", "Onboarding " + e.getProperty("email"),
                            "contact", e.getProperty("contactId"),
                            "value", 120000, "currency", "usd")))
                    .to("activecampaign:deals/create")
                    .process(e -> summary.dealOpened())
                    // an operation parameter as a header: CamelActiveCampaign + the option (id), capitalised
                    .setHeader("CamelActiveCampaignId", simple("${body[deal][id]}"))
                    .setBody(constant(Map.of("note", "Opened by the Camel quickstart")))
                    .to("activecampaign:deals/createNote")
                    .process(e -> summary.noteAdded())
                    .log(LoggingLevel.INFO, "quickstart", "opened deal ${header.CamelActiveCampaignId} with a note")
                .end()
                .filter(e -> trackEvents)
                    .process(e -> e.getMessage().setBody(Map.of("event", "quickstart-onboarded",
                            "eventdata", "source=camel", "email", e.getProperty("email"))))
                    .to("activecampaign:eventTracking/track")
                    .process(e -> summary.eventTracked());

        // the activity stream of the account from the start of this run: one exchange per activity, in time order;
        // those of the contacts imported in bulk are left out of the log and the count
        from("activecampaign:activities/list?startFrom=" + startedAt + "&initialDelay=1000&delay=1000&greedy=true")
                .routeId("activities")
                .filter(e -> summary.countingActivities())
                .process(e -> summary.activityPolled())
                .log(LoggingLevel.INFO, "quickstart", "activity: ${body[reference_type]} ${body[reference_action]} "
                                                      + "of contact ${body[contact]} at ${body[tstamp]}");

        from("direct:listContacts").routeId("listContacts")
                .setHeader("CamelActiveCampaignTagid", exchangeProperty("tagId"))
                .to("activecampaign:contacts/list?paginate=true&pageSize=2")
                .log(LoggingLevel.INFO, "quickstart",
                        "${header.CamelActiveCampaignTotal} contacts carry the tag; paging through them 2 at a time")
                .split(body()).streaming()
                    .process(e -> summary.contactListed(String.valueOf(e.getMessage().getBody(Map.class).get("email"))))
                .end();

        // import-contacts.csv, read a line at a time: batches of up to 250, progress after each, then the summary
        from("direct:bulkImport").routeId("bulkImport")
                .process(e -> e.getMessage().setBody(importRows()))
                .setHeader("CamelActiveCampaignBulkTotal", constant(IMPORT_ROWS))
                .to("activecampaign:import/bulkImport?bulkWaitForCompletion=true&bulkPollInterval=500"
                    + "&bulkProgressEndpoint=direct:importProgress")
                .process(e -> summary.imported(e.getMessage().getBody(BulkImportSummary.class)))
                .log(LoggingLevel.INFO, "quickstart", "${body}");

        from("direct:importProgress").routeId("importProgress")
                .filter(body().isInstanceOf(BulkImportProgress.class))
                    .log(LoggingLevel.INFO, "quickstart", "bulk import ${body}");
    }

    /** The rows of import-contacts.csv. */
    static final long IMPORT_ROWS = 302;

    /** import-contacts.csv as a lazy stream of contacts (email, first_name, last_name, tags), closed by the import. */
    static Stream<Map<String, Object>> importRows() {
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                QuickstartRoutes.class.getResourceAsStream("/import-contacts.csv"), StandardCharsets.UTF_8));
        return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> {
            String[] columns = line.split(",");
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("email", columns[0].strip());
            contact.put("first_name", columns[1].strip());
            contact.put("last_name", columns[2].strip());
            contact.put("tags", columns[3].strip());
            return contact;
        }).onClose(() -> {
            try {
                reader.close();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** contacts.csv: email, first name, last name, whether to open a deal. */
    static List<Map<String, Object>> readContacts() throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                QuickstartRoutes.class.getResourceAsStream("/contacts.csv"), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> {
                String[] columns = line.split(",");
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("email", columns[0].strip());
                contact.put("firstName", columns[1].strip());
                contact.put("lastName", columns[2].strip());
                return Map.<String, Object>of("contact", contact, "openDeal", columns[3].strip());
            }).toList();
        }
    }
}
