// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

/**
 * The share of the account's budget the threads got, and the 429s on each side: those the simulator answered (the
 * component may retry them) and those that reached a route.
 *
 * @param inWindow        successful calls completed within the measured window
 * @param succeeded       successful calls in the whole run
 * @param failed          calls that ended with an exception in the route
 * @param failed429       of those, failures for HTTP 429
 * @param serverRequests  requests the simulator received
 * @param server429       requests the simulator answered with 429
 * @param journalFull     the simulator's journal overflowed: its counts are lower bounds
 */
public record BudgetReport(BudgetBenchmark.Settings settings, long inWindow, long succeeded, long failed,
                           long failed429, long serverRequests, long server429, boolean journalFull) {

    public double achievedRate() {
        return inWindow / settings.seconds();
    }

    public double achievedToLimit() {
        return achievedRate() / settings.rateLimit();
    }

    public String format() {
        return String.format("""
                Budget of one account: %d threads on %d operations, limit %.1f requests/s (simulator and component)
                  achieved      %.2f successful requests/s over %.0f s after a %.0f s warm-up: achieved/limit %.3f
                  429s          %d%s answered by the simulator (of %d%s requests); %d reached a route
                  failures      %d in routes (%d successful calls in the whole run)
                """,
                settings.threads(), BudgetBenchmark.OPERATIONS.size(), settings.rateLimit(),
                achievedRate(), settings.seconds(), settings.warmupSeconds(), achievedToLimit(),
                server429, journalFull ? " or more" : "", serverRequests, journalFull ? "+" : "", failed429,
                failed, succeeded);
    }
}
