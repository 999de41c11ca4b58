// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.StateRepository;

/**
 * The cursors of one consumer, one per scope (a fanned-out contact, or the whole feed), kept in a Camel
 * {@link StateRepository} under the consumer's cursor key ({@code key#scope} for a scope) and cached in memory.
 */
final class CursorStore {

    private final StateRepository<String, String> state;
    private final String cursorKey;
    private final ObjectMapper mapper;
    private final Map<String, ActiveCampaignCursor> cursors = new HashMap<>();

    CursorStore(StateRepository<String, String> state, String cursorKey, ObjectMapper mapper) {
        this.state = state;
        this.cursorKey = cursorKey;
        this.mapper = mapper;
    }

    /** The cursor of a scope: the cached one, else the stored one, else the one {@code start} gives. */
    ActiveCampaignCursor get(String scope, Callable<ActiveCampaignCursor> start) throws Exception {
        ActiveCampaignCursor cursor = cursors.get(scope);
        if (cursor == null) {
            String stored = state.getState(key(scope));
            cursor = stored != null ? ActiveCampaignCursor.fromJson(mapper, stored) : start.call();
            cursors.put(scope, cursor);
        }
        return cursor;
    }

    /** Stores a scope's cursor: called only once the records before it have been delivered. */
    void commit(String scope, ActiveCampaignCursor cursor) {
        // stored first: if the write fails, memory does not run ahead of what a restart would read
        state.setState(key(scope), cursor.toJson(mapper));
        cursors.put(scope, cursor);
    }

    String key(String scope) {
        return scope.isEmpty() ? cursorKey : cursorKey + "#" + scope;
    }
}
