// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk import benchmark on 2,000 contacts at 60 times the service's limits: the child JVM with its small heap
 * sends them all in 8 batches of 250, nothing is refused, and the report says so.
 */
class BulkImportSmokeTest {

    @Test
    void importsEveryContactInAChildJvmWithinTheLimitsAndReportsTheFigures() throws Exception {
        BulkImportBenchmark.Report report = BulkImportBenchmark.run(new BulkImportBenchmark.Settings(2_000, 60, 4,
                "64m"));

        assertThat(report.sent()).isEqualTo(2_000);
        assertThat(report.failed()).isZero();
        assertThat(report.batches()).isEqualTo(8);
        assertThat(report.tooMany()).as("429s").isZero();
        assertThat(report.refusals()).as("calls refused for the bulk call limit").isZero();
        assertThat(report.settings().floorContactsPerMinute()).isEqualTo(250 * 6000.0);
        assertThat(report.contactsPerMinute()).isPositive();
        assertThat(report.maxHeapBytes()).as("the child's -Xmx64m").isLessThanOrEqualTo(64L * 1024 * 1024);
        assertThat(report.peakHeapBytes()).isPositive().isLessThanOrEqualTo(report.maxHeapBytes());
        assertThat(report.format()).contains("floor", "of the floor", "429s / bulk limit refusals : 0 / 0");
    }
}
