// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Logs retries, 429 pauses and limiter refusals where operators see them (INFO/WARN), without flooding the log under
 * load: one line per kind of occurrence a second at most, the next line saying how many were not logged meanwhile.
 * Messages are built by the caller from operation names, statuses and durations only, never from a secret.
 */
final class OccurrenceLog {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Logger log;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> suppressed = new ConcurrentHashMap<>();

    OccurrenceLog(Logger log, LongSupplier clock) {
        this.log = log;
        this.clock = clock;
    }

    void info(String kind, String message) {
        if (log.isInfoEnabled() && due(kind)) {
            log.info("{}{}", message, suppressedSince(kind));
        }
    }

    void warn(String kind, String message) {
        if (log.isWarnEnabled() && due(kind)) {
            log.warn("{}{}", message, suppressedSince(kind));
        }
    }

    /** Whether this kind may be logged now; counts it as suppressed otherwise. */
    private boolean due(String kind) {
        long now = clock.getAsLong();
        AtomicLong last = lastLogged.computeIfAbsent(kind, k -> new AtomicLong(now - INTERVAL_NANOS));
        long previous = last.get();
        if (now - previous >= INTERVAL_NANOS && last.compareAndSet(previous, now)) {
            return true;
        }
        suppressed.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        return false;
    }

    private String suppressedSince(String kind) {
        AtomicLong count = suppressed.get(kind);
        long n = count == null ? 0 : count.getAndSet(0);
        return n == 0 ? "" : " (" + n + " more since the last line like this)";
    }
}
