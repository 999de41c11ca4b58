// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.github.camelactivecampaign.benchmarks.PerCallRun.Client;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The calling-thread driver in a tiny configuration: every client measured each round, the ratios add up. */
class PerCallCallerThreadSmokeTest {

    @Test
    void oneTinyRunReportsEachClientAndBothRatios() throws Exception {
        List<String> progress = new ArrayList<>();
        PerCallCallerThread.Report report = PerCallCallerThread.run(new PerCallCallerThread.Settings(2, 5, 5),
                progress::add);

        assertThat(progress).hasSize(6);
        for (Client client : Client.values()) {
            assertThat(report.cpuMicros()[client.ordinal()]).as(client.label).isPositive().isFinite();
            assertThat(report.wallMicros()[client.ordinal()]).as(client.label).isPositive().isFinite();
            assertThat(report.bytes()[client.ordinal()]).as(client.label).isPositive();
        }
        assertThat(report.cpuRatio(Client.RAW)).isEqualTo(report.cpuMicros()[Client.COMPONENT.ordinal()]
                                                          / report.cpuMicros()[Client.RAW.ordinal()]);
        assertThat(report.format()).contains("component/raw", "component/camel-http", "bytes");
    }
}
