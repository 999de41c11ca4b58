// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The requests received, oldest first, the last {@value #SIZE}. */
final class Journal {

    static final int SIZE = 10_000;

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();

    synchronized void add(RecordedRequest request) {
        if (requests.size() >= SIZE) {
            requests.pollFirst();
        }
        requests.addLast(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
