// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of one polling consumer: what it selects and where it keeps its position. They are endpoint options only:
 * set on the component, a cursorKey or a contactId would make every consumer of the application share one.
 */
@UriParams
public class ActiveCampaignConsumerConfiguration {

    @UriParam(label = "consumer")
    private String contactId;
    @UriParam(label = "consumer,fanout")
    private String listId;
    @UriParam(label = "consumer,fanout")
    private String tagId;
    @UriParam(label = "consumer,fanout")
    private String segmentId;
    @UriParam(label = "consumer,fanout")
    private boolean updatedContacts;
    @UriParam(label = "consumer,fanout", defaultValue = "0")
    private int requestsPerPoll;
    @UriParam(label = "consumer")
    private boolean newOnly;
    @UriParam(label = "consumer", defaultValue = "now")
    private String startFrom = "now";
    @UriParam(label = "consumer")
    private String cursorKey;
    @UriParam(label = "consumer")
    private boolean batch;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;

    public String getContactId() {
        return contactId;
    }

    /**
     * Consumers of activities and tracking logs: the contact whose records to poll.
     */
    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getListId() {
        return listId;
    }

    /**
     * Consumers of activities and tracking logs: poll the records of every contact of this list (fan-out).
     */
    public void setListId(String listId) {
        this.listId = listId;
    }

    public String getTagId() {
        return tagId;
    }

    /**
     * Consumers of activities and tracking logs: poll the records of every contact with this tag (fan-out).
     */
    public void setTagId(String tagId) {
        this.tagId = tagId;
    }

    public String getSegmentId() {
        return segmentId;
    }

    /**
     * Consumers of activities and tracking logs: poll the records of every contact of this segment (fan-out).
     */
    public void setSegmentId(String segmentId) {
        this.segmentId = segmentId;
    }

    public boolean isUpdatedContacts() {
        return updatedContacts;
    }

    /**
     * Consumers of activities and tracking logs: poll the records of the contacts updated since the previous poll
     * (fan-out).
     */
    public void setUpdatedContacts(boolean updatedContacts) {
        this.updatedContacts = updatedContacts;
    }

    public int getRequestsPerPoll() {
        return requestsPerPoll;
    }

    /**
     * Fan-out consumers: the most requests one poll may send; the contacts not reached are polled first next time.
     * 0 means no limit.
     */
    public void setRequestsPerPoll(int requestsPerPoll) {
        this.requestsPerPoll = requestsPerPoll;
    }

    public boolean isNewOnly() {
        return newOnly;
    }

    /**
     * Consumers of contacts/list: deliver new contacts only, paging by id (id_greater), instead of new and
     * updated ones.
     */
    public void setNewOnly(boolean newOnly) {
        this.newOnly = newOnly;
    }

    public String getStartFrom() {
        return startFrom;
    }

    /**
     * Where a consumer without a stored cursor starts: now (records from now on), beginning (every record), or an
     * ISO-8601 instant such as 2024-01-01T00:00:00Z.
     */
    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public String getCursorKey() {
        return cursorKey;
    }

    /**
     * The key of the consumer's cursor in the state repository. By default made of the operation and the options
     * that select the records; set it to keep the position when changing those options.
     */
    public void setCursorKey(String cursorKey) {
        this.cursorKey = cursorKey;
    }

    public boolean isBatch() {
        return batch;
    }

    /**
     * Consumers: deliver the records of a poll as one exchange whose body is a List, instead of one exchange per
     * record.
     */
    public void setBatch(boolean batch) {
        this.batch = batch;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * Consumers: the most records delivered by one poll (0: no limit); the rest come with the next poll, at once
     * with greedy=true.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    /** The options that choose the records, for the default cursor key: another selection is another position. */
    public Map<String, Object> selection() {
        Map<String, Object> selection = new TreeMap<>();
        putIfSet(selection, "contactId", contactId);
        putIfSet(selection, "listId", listId);
        putIfSet(selection, "tagId", tagId);
        putIfSet(selection, "segmentId", segmentId);
        if (updatedContacts) {
            selection.put("updatedContacts", true);
        }
        if (newOnly) {
            selection.put("newOnly", true);
        }
        return selection;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
