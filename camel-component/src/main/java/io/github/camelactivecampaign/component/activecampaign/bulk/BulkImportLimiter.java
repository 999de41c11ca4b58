// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bulk import's own call limits for one account: at most so many calls carrying several contacts, and so many
 * carrying one, in any window. A call's slot is counted from when its answer arrived, which is never earlier than
 * when the service counted it, so that the service never sees more calls in a window than allowed, whatever the
 * network delays. One limiter per account and limits in the JVM: every producer of the account shares it.
 */
final class BulkImportLimiter {

    private static final Map<String, BulkImportLimiter> ACCOUNTS = new ConcurrentHashMap<>();

    private final Window multi;
    private final Window single;

    BulkImportLimiter(int multiCalls, int singleCalls, Duration window) {
        this.multi = new Window(multiCalls, window.toNanos());
        this.single = new Window(singleCalls, window.toNanos());
    }

    /** The limiter of an account (base URL + token) with these limits. */
    static BulkImportLimiter forAccount(String account, int multiCalls, int singleCalls, Duration window) {
        return ACCOUNTS.computeIfAbsent(account + '\n' + multiCalls + '/' + singleCalls + '/' + window.toMillis(),
                key -> new BulkImportLimiter(multiCalls, singleCalls, window));
    }

    /** Waits for a call slot; hand the slot back with {@link Slot#done()} once the answer arrived. */
    Slot acquire(boolean oneContact) throws InterruptedException {
        return (oneContact ? single : multi).acquire();
    }

    /** A call in flight. */
    interface Slot {
        /** The answer arrived (or the call failed): the slot counts from now until the window passed. */
        void done();
    }

    private static final class Window {
        private final int limit;
        private final long windowNanos;
        /** Times the answers of recent calls arrived; Long.MAX_VALUE while a call is in flight. */
        private final List<long[]> calls = new ArrayList<>();

        Window(int limit, long windowNanos) {
            this.limit = limit;
            this.windowNanos = windowNanos;
        }

        synchronized Slot acquire() throws InterruptedException {
            while (true) {
                long now = System.nanoTime();
                calls.removeIf(call -> call[0] != Long.MAX_VALUE && now - call[0] >= windowNanos);
                if (calls.size() < limit) {
                    long[] call = {Long.MAX_VALUE};
                    calls.add(call);
                    return () -> done(call);
                }
                long oldest = calls.stream().mapToLong(call -> call[0]).min().orElse(Long.MAX_VALUE);
                long waitNanos = oldest == Long.MAX_VALUE ? windowNanos : oldest + windowNanos - now;
                long millis = Math.max(1, waitNanos / 1_000_000);
                wait(millis, 0);
            }
        }

        private synchronized void done(long[] call) {
            call[0] = System.nanoTime();
            notifyAll();
        }
    }
}
