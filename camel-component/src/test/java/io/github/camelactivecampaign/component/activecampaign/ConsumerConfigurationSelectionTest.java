// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The options that select a consumer's records, which make its default cursor key: another selection is another
 * position.
 */
class ConsumerConfigurationSelectionTest {

    @Test
    void nothingSelectedIsAnEmptySelection() {
        assertThat(new ActiveCampaignConsumerConfiguration().selection()).isEmpty();
    }

    @Test
    void everySelectingOptionIsPartOfIt() {
        ActiveCampaignConsumerConfiguration options = new ActiveCampaignConsumerConfiguration();
        options.setContactId("1");
        options.setListId("2");
        options.setTagId("3");
        options.setSegmentId("4");
        options.setUpdatedContacts(true);
        options.setNewOnly(true);
        options.setBatch(true);
        options.setRequestsPerPoll(9);
        assertThat(options.selection()).containsExactly(Map.entry("contactId", "1"), Map.entry("listId", "2"),
                Map.entry("newOnly", true), Map.entry("segmentId", "4"), Map.entry("tagId", "3"),
                Map.entry("updatedContacts", true));
        assertThat(options.isUpdatedContacts()).isTrue();
        assertThat(options.isBatch()).isTrue();
        assertThat(options.getRequestsPerPoll()).isEqualTo(9);
    }

    @Test
    void eachOnItsOwn() {
        ActiveCampaignConsumerConfiguration tag = new ActiveCampaignConsumerConfiguration();
        tag.setTagId("3");
        assertThat(tag.selection()).containsExactly(Map.entry("tagId", "3"));
        ActiveCampaignConsumerConfiguration updated = new ActiveCampaignConsumerConfiguration();
        updated.setUpdatedContacts(true);
        assertThat(updated.selection()).containsExactly(Map.entry("updatedContacts", true));
        ActiveCampaignConsumerConfiguration keyed = new ActiveCampaignConsumerConfiguration();
        keyed.setCursorKey("mine");
        assertThat(keyed.getCursorKey()).isEqualTo("mine");
        assertThat(keyed.selection()).as("the cursor key selects nothing").isEmpty();
    }
}
