// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.List;

import io.github.camelactivecampaign.simulator.RecordedRequest;

/** Counts read from the simulator's journal, which keeps the last 10,000 requests. */
final class SimulatorJournal {

    static final int CAPACITY = 10_000;

    private SimulatorJournal() {
    }

    /** A journal at its capacity may have dropped requests: its counts are then lower bounds. */
    static boolean full(List<RecordedRequest> journal) {
        return journal.size() >= CAPACITY;
    }

    static long withStatus(List<RecordedRequest> journal, int status) {
        return journal.stream().filter(r -> r.status() == status).count();
    }
}
