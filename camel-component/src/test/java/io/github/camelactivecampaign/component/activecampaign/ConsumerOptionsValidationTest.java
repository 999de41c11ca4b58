// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A consumer with a bad option refuses to start, with the message a producer gives for the same value, instead of
 * polling a wrong path or warning at every poll; the simulator sees no request.
 */
class ConsumerOptionsValidationTest extends ConsumerTestSupport {

    @AfterEach
    void nothingPolled() {
        assertThat(simulator().journal()).as("requests").isEmpty();
    }

    /** The messages of the whole chain of the failure to start a route from this URI. */
    private String startFailure(String uri) {
        Throwable failure = catchThrowable(() -> context.addRoutes(route(uri)));
        assertThat(failure).as("the route did not start").isNotNull();
        return ProducerHardeningTest.messages(failure);
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + (uri.contains("?") ? "&" : "?") + "initialDelay=3600000").to("mock:records");
            }
        };
    }

    @Test
    void pathTraversalInContactId() {
        assertThat(startFailure("activecampaign:trackingLogs?contactId=../../users"))
                .contains("contacts/trackingLogs: contactId must be a whole number (ActiveCampaign ids are numeric), "
                          + "was '../../users'");
    }

    @Test
    void dotAsContactId() {
        assertThat(startFailure("activecampaign:activities?contactId=.")).contains("contactId is '.', which names no "
                                                                                   + "record");
    }

    @Test
    void contactIdLongerThanAnyId() {
        assertThat(startFailure("activecampaign:activities?contactId=" + "1".repeat(40)))
                .contains("contactId is 40 digits long, larger than any ActiveCampaign id");
    }

    @Test
    void fanOutIdsAreIdsToo() {
        assertThat(startFailure("activecampaign:activities?listId=newsletter"))
                .contains("activities/list: listId must be a whole number (ActiveCampaign ids are numeric), was "
                          + "'newsletter'");
        assertThat(startFailure("activecampaign:trackingLogs?tagId=vip")).contains("tagId must be a whole number");
        assertThat(startFailure("activecampaign:trackingLogs?segmentId=-")).contains("segmentId must be a whole number");
    }

    @Test
    void startFromThatIsNoInstant() {
        assertThat(startFailure("activecampaign:activities?startFrom=lastweek"))
                .contains("startFrom must be now, beginning or an ISO-8601 instant such as 2024-01-01T00:00:00Z, was "
                          + "'lastweek'");
    }

    @Test
    void trackingLogsWithoutAnyContact() {
        assertThat(startFailure("activecampaign:trackingLogs"))
                .contains("The trackingLogs consumer needs the contacts whose logs it polls")
                .contains("contactId, or listId, tagId, segmentId or updatedContacts=true");
    }

    @Test
    void twoSourcesOfContacts() {
        assertThat(startFailure("activecampaign:trackingLogs?contactId=1&tagId=2"))
                .contains("takes one source of contacts, got contactId and tagId; keep one");
        assertThat(startFailure("activecampaign:activities?listId=1&updatedContacts=true"))
                .contains("got listId and updatedContacts");
    }

    @Test
    void contactSourceOnAFeedThatIsNoContacts() {
        assertThat(startFailure("activecampaign:deals/list?tagId=5"))
                .contains("tagId select contacts whose activities or tracking logs are polled; the "
                          + "activecampaign:deals/list consumer does not take it");
    }

    @Test
    void operationOptionThatIsNoNumber() {
        assertThat(startFailure("activecampaign:activities/list?contact=jane"))
                .contains("activities/list: contact must be a whole number, was 'jane'");
        assertThat(startFailure("activecampaign:contacts/trackingLogs?id=jane"))
                .contains("contacts/trackingLogs: id must be a whole number, was 'jane'");
    }

    @Test
    void operationOptionThatIsNoDate() {
        assertThat(startFailure("activecampaign:deals/list?filtersUpdatedAfter=yesterday"))
                .contains("deals/list: filters[updated_after] must be a date").contains("'yesterday'");
    }

    @Test
    void negativeBudgets() {
        assertThat(startFailure("activecampaign:activities?contactId=1&requestsPerPoll=-1"))
                .contains("requestsPerPoll must be 0 (no limit) or more, was -1");
        assertThat(startFailure("activecampaign:activities?contactId=1&maxMessagesPerPoll=-2"))
                .contains("maxMessagesPerPoll must be 0 (no limit) or more, was -2");
    }

    @Test
    void validConsumersStart() throws Exception {
        context.addRoutes(route("activecampaign:trackingLogs?contactId=1"));
        context.addRoutes(route("activecampaign:contacts/trackingLogs?id=2"));
        context.addRoutes(route("activecampaign:activities?tagId=3&startFrom=2024-01-01T00:00:00Z"));
        context.addRoutes(route("activecampaign:contacts/list?listid=3"));
        context.addRoutes(route("activecampaign:deals/list?filtersUpdatedAfter=2024-01-01"));
        assertThat(context.getRoutes()).hasSize(5)
                .allSatisfy(r -> assertThat(context.getRouteController().getRouteStatus(r.getRouteId()).isStarted())
                        .isTrue());
    }
}
