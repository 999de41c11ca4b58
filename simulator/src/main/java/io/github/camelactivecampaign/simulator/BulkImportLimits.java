// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The bulk import's own call limits: at most {@code multi} calls carrying several contacts and {@code single} calls
 * carrying one in any window (the service: 100 and 20 a minute), counted over a sliding window. Tests and benchmarks
 * shorten the window to scale the limits without waiting minutes.
 */
final class BulkImportLimits {

    private final int multi;
    private final int single;
    private final long windowNanos;
    private final Deque<Long> multiCalls = new ArrayDeque<>();
    private final Deque<Long> singleCalls = new ArrayDeque<>();
    private long refused;

    BulkImportLimits(int multi, int single, Duration window) {
        if (multi < 1 || single < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("Bulk import limits must be positive, got " + multi + " and " + single
                                               + " calls per " + window);
        }
        this.multi = multi;
        this.single = single;
        this.windowNanos = window.toNanos();
    }

    /** Takes a call slot; false (nothing taken) when the window is full. */
    synchronized boolean tryAcquire(boolean oneContact) {
        Deque<Long> calls = oneContact ? singleCalls : multiCalls;
        int limit = oneContact ? single : multi;
        long now = System.nanoTime();
        while (!calls.isEmpty() && now - calls.peekFirst() >= windowNanos) {
            calls.pollFirst();
        }
        if (calls.size() >= limit) {
            refused++;
            return false;
        }
        calls.addLast(now);
        return true;
    }

    /** The message of a refused call, as the service words it. */
    String refusal(boolean oneContact) {
        return "Up to " + (oneContact ? single : multi) + " imports " + (oneContact ? "of a single contact " : "")
               + "may be requested per " + window() + ". Please batch contacts into larger requests, or retry this "
               + "request in a " + window() + ".";
    }

    private String window() {
        return windowNanos == Duration.ofMinutes(1).toNanos() ? "minute" : Duration.ofNanos(windowNanos).toMillis()
                                                                           + " ms";
    }

    /** Calls refused since the start or the last reset. */
    synchronized long refused() {
        return refused;
    }

    synchronized void reset() {
        multiCalls.clear();
        singleCalls.clear();
        refused = 0;
    }
}
