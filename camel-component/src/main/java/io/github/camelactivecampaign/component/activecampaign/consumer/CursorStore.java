// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Read by the dev console and JMX while the consumer polls. */
    private final Map<String, ActiveCampaignCursor> cursors = new ConcurrentHashMap<>();

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

    /**
     * Stores a scope's cursor: called only once the records before it have been delivered. When the store refuses it
     * (another replica stored a later cursor, see JdbcCursorStateRepository) or fails, the scope is read from the
     * store again at the next poll.
     */
    void commit(String scope, ActiveCampaignCursor cursor) {
        try {
            // stored first: if the write fails, memory does not run ahead of what a restart would read
            state.setState(key(scope), cursor.toJson(mapper));
        } catch (RuntimeException e) {
            cursors.remove(scope);
            throw e;
        }
        cursors.put(scope, cursor);
    }

    /** Where the consumer has got to, in a few words, for the dev console and JMX. */
    String describe() {
        if (cursors.isEmpty()) {
            return "no cursor yet";
        }
        if (cursors.size() == 1) {
            return describe(cursors.values().iterator().next());
        }
        ActiveCampaignCursor newest = cursors.values().stream()
                .max(Comparator.comparing(ActiveCampaignCursor::time, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow();
        return cursors.size() + " scopes, the newest at " + describe(newest);
    }

    private static String describe(ActiveCampaignCursor cursor) {
        String time = cursor.time() == null ? "the beginning" : cursor.time().toString();
        return cursor.lastId() > 0 ? time + ", last id " + cursor.lastId() : time;
    }

    String key(String scope) {
        return scope.isEmpty() ? cursorKey : cursorKey + "#" + scope;
    }
}
