// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeds and the cursor on their own: what each feed asks for after a cursor, and how the cursor moves.
 */
class FeedTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void activitiesAskForTheDayBeforeTheCursorInTimeOrder() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        ActiveCampaignCursor cursor = ActiveCampaignCursor.at(Instant.parse("2024-05-02T03:00:00Z"));
        String pathId = new ActivitiesFeed().select(query, "42", cursor, CHICAGO);
        assertThat(pathId).isNull();
        // 03:00Z is still May 1st in Chicago: the filter starts a day earlier, April 30th
        assertThat(query).containsEntry("contact", List.of("42")).containsEntry("after", List.of("2024-04-30"))
                .containsEntry("orders[tstamp]", List.of("ASC"));
    }

    @Test
    void trackingLogsAreReadPerContactThroughThePath() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        assertThat(new TrackingLogsFeed().select(query, "42", ActiveCampaignCursor.at(null), CHICAGO))
                .isEqualTo("42");
        assertThat(query).isEmpty();
    }

    @Test
    void updatedRecordsFallBackToTheCreationTime() {
        UpdatedRecordsFeed deals = UpdatedRecordsFeed.deals();
        assertThat(deals.time(Map.of("mdate", "2024-05-02T11:58:33-05:00"), "1", CHICAGO))
                .isEqualTo(Instant.parse("2024-05-02T16:58:33Z"));
        assertThat(deals.time(Map.of("cdate", "2024-05-02 11:58:33"), "2", CHICAGO))
                .isEqualTo(Instant.parse("2024-05-02T16:58:33Z"));
        assertThat(deals.time(Map.of("mdate", "0000-00-00 00:00:00"), "3", CHICAGO)).isNull();
    }

    @Test
    void newContactsPageByIdAndTheCursorKeepsTheLargestId() {
        NewContactsFeed feed = new NewContactsFeed();
        ActiveCampaignCursor cursor = ActiveCampaignCursor.afterId(10);
        Map<String, List<String>> query = new LinkedHashMap<>();
        feed.select(query, "", cursor, CHICAGO);
        assertThat(query).containsEntry("id_greater", List.of("10")).containsEntry("orders[id]", List.of("ASC"));
        assertThat(feed.isNew(cursor, null, "10")).isFalse();
        assertThat(feed.isNew(cursor, null, "11")).isTrue();
        assertThat(feed.advance(cursor, null, "12").lastId()).isEqualTo(12);
    }

    @Test
    void theCursorSkipsWhatWasDeliveredAtTheSameTimeAndSurvivesJson() {
        Instant time = Instant.parse("2024-05-02T16:58:33Z");
        ActiveCampaignCursor cursor = ActiveCampaignCursor.at(null).after(time, "5").after(time, "6");
        assertThat(cursor.isNew(time, "5")).isFalse();
        assertThat(cursor.isNew(time, "7")).isTrue();
        assertThat(cursor.isNew(time.minusSeconds(1), "8")).isFalse();
        ObjectMapper mapper = new ObjectMapper();
        ActiveCampaignCursor read = ActiveCampaignCursor.fromJson(mapper, cursor.toJson(mapper));
        assertThat(read.isNew(time, "6")).isFalse();
        assertThat(read.isNew(time, "7")).isTrue();
    }
}
