// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget benchmark for a second and a half: the calls reach the simulator and the report adds up. */
class BudgetSmokeTest {

    @Test
    void reportsTheShareOfTheBudgetAndThe429sOfBothSides() throws Exception {
        BudgetReport report = BudgetBenchmark.run(new BudgetBenchmark.Settings(20, 4, 0.5, 1.5));

        assertThat(report.inWindow()).isPositive().isLessThanOrEqualTo(report.succeeded());
        assertThat(report.serverRequests()).as("requests the simulator saw")
                .isGreaterThanOrEqualTo(report.succeeded() + report.failed());
        assertThat(report.server429()).isLessThanOrEqualTo(report.serverRequests());
        assertThat(report.failed429()).isLessThanOrEqualTo(report.failed());
        assertThat(report.achievedToLimit()).isEqualTo(report.inWindow() / 1.5 / 20);
        assertThat(report.format()).contains("achieved/limit", "answered by the simulator", "reached a route");
    }
}
