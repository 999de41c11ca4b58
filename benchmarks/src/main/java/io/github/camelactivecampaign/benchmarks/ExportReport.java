// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

/**
 * What a full export cost against its floor, and whether it was right: every record once, no 429, a heap that stays
 * small whatever N.
 *
 * @param seconds             from the route's first request to its last record
 * @param pages               list pages the simulator answered with 200 (empty ones included)
 * @param throttled           429s the simulator answered
 * @param journalFull         the simulator's journal overflowed: pages and 429s are lower bounds
 * @param failure             the exception the route ended with, or null
 * @param peakHeapBytes       peak heap used in the exporting JVM, garbage included
 * @param peakHeapAfterGcBytes peak heap left after a collection (what the export kept alive)
 * @param simulatorPageMillis what one page costs the simulator at this N, asked directly after the export
 */
public record ExportReport(ExportBenchmark.Settings settings, double seconds, long pages, long throttled,
                           boolean journalFull, String failure, long delivered, long duplicates, long missing,
                           long unexpected, long peakHeapBytes, long peakHeapAfterGcBytes, long maxHeapBytes,
                           double simulatorPageMillis) {

    public double floorSeconds() {
        return settings.floorSeconds();
    }

    public double timeToFloor() {
        return seconds / floorSeconds();
    }

    /** Pages against the fewest a full export needs; 1.0 when no empty or repeated page was asked for. */
    public double pagesToMinimum() {
        return (double) pages / Stats.pages(settings.contacts(), settings.pageSize());
    }

    /** The floor binds only while the simulator answers a page faster than the rate lets requests go. */
    public boolean simulatorBound() {
        return simulatorPageMillis >= 1000 / settings.rateLimit();
    }

    public boolean eachRecordOnce() {
        return failure == null && delivered == settings.contacts() && duplicates == 0 && missing == 0
               && unexpected == 0;
    }

    public String format() {
        return String.format("""
                Export of %,d contacts, pageSize %d, at %.1f requests/s (simulator and component alike), -Xmx%s
                  time          %.2f s, floor %.2f s (ceil(N/pageSize)/rate): time/floor %.3f, %.0f ms per page
                  pages         %d%s, minimum %d: pages/minimum %.3f
                  429s          %d%s answered by the simulator; route %s
                  records       %,d delivered, %d duplicates, %d missing, %d unexpected: %s
                  heap          peak %s used, peak %s after GC (max %s)
                  simulator     %.1f ms per page at this N, %.1f ms between requests at this rate: %s
                """,
                settings.contacts(), settings.pageSize(), settings.rateLimit(), settings.maxHeap(),
                seconds, floorSeconds(), timeToFloor(), pages == 0 ? 0 : seconds * 1000 / pages,
                pages, journalFull ? " (or more: journal full)" : "", Stats.pages(settings.contacts(),
                        settings.pageSize()), pagesToMinimum(),
                throttled, journalFull ? " (or more)" : "", failure == null ? "completed" : "failed: " + failure,
                delivered, duplicates, missing, unexpected, eachRecordOnce() ? "each once" : "NOT each once",
                Stats.megabytes(peakHeapBytes), Stats.megabytes(peakHeapAfterGcBytes), Stats.megabytes(maxHeapBytes),
                simulatorPageMillis, 1000 / settings.rateLimit(), simulatorBound()
                        ? "the simulator, not the floor, sets the time" : "the floor sets the time");
    }
}
