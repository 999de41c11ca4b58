// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.BitSet;
import java.util.Map;

/**
 * Which of the records 1..N a route received, and how often: an export is right when every id came exactly once.
 * A bit per record, so that counting does not weigh on the heap being measured.
 */
final class DeliveredIds {

    private final long expected;
    private final BitSet seen;
    private long delivered;
    private long duplicates;
    private long unexpected;

    DeliveredIds(long expected) {
        this.expected = expected;
        this.seen = new BitSet((int) expected + 1);
    }

    /** One record as the component delivers it (a Map with the id as the service sends it, a string). */
    synchronized void accept(Object record) {
        delivered++;
        long id = record instanceof Map<?, ?> map ? parse(map.get("id")) : -1;
        if (id < 1 || id > expected) {
            unexpected++;
        } else if (seen.get((int) id)) {
            duplicates++;
        } else {
            seen.set((int) id);
        }
    }

    synchronized long delivered() {
        return delivered;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long unexpected() {
        return unexpected;
    }

    synchronized long missing() {
        return expected - seen.cardinality();
    }

    private static long parse(Object id) {
        try {
            return id == null ? -1 : Long.parseLong(id.toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
