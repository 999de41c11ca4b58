// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export benchmark on 250 contacts: the child JVM with its small heap exports them all, once each, in the three
 * pages they fill, and the report says so.
 */
class ExportSmokeTest {

    @Test
    void exportsEveryRecordOnceInAChildJvmAndReportsTheFigures() throws Exception {
        List<String> progress = new ArrayList<>();
        ExportReport report = ExportBenchmark.run(new ExportBenchmark.Settings(250, 100, 100, "64m"), progress::add);

        assertThat(report.failure()).isNull();
        assertThat(report.delivered()).isEqualTo(250);
        assertThat(report.eachRecordOnce()).isTrue();
        assertThat(report.pages()).as("pages served").isGreaterThanOrEqualTo(3);
        assertThat(report.pagesToMinimum()).isEqualTo(report.pages() / 3.0);
        assertThat(report.floorSeconds()).isEqualTo(0.03);
        assertThat(report.seconds()).isPositive();
        assertThat(report.maxHeapBytes()).as("the child's -Xmx64m").isLessThanOrEqualTo(64L * 1024 * 1024);
        assertThat(report.peakHeapBytes()).isPositive().isLessThanOrEqualTo(report.maxHeapBytes());
        assertThat(report.simulatorPageMillis()).isPositive();
        assertThat(report.format()).contains("time/floor", "pages/minimum", "each once", "ms per page");
        assertThat(progress).singleElement().asString().contains("seeded 250 contacts");
    }
}
