// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void readsOptionsAndFallsBackToDefaults() {
        BenchmarkOptions options = new BenchmarkOptions("--contacts=20_000", "--rate=12.5");
        ExportBenchmark.Settings settings = ExportBenchmark.Settings.from(options);
        options.checkAllUsed();
        assertThat(settings).isEqualTo(new ExportBenchmark.Settings(20_000, 100, 12.5, "64m"));
    }

    @Test
    void aMistypedOptionIsRefusedNotIgnored() {
        BenchmarkOptions options = new BenchmarkOptions("--contact=5");
        BudgetBenchmark.Settings.from(options);
        assertThatThrownBy(options::checkAllUsed).hasMessageContaining("Unknown option(s) [contact]");
    }

    @Test
    void aBadValueNamesTheOption() {
        assertThatThrownBy(() -> new BenchmarkOptions("--threads=many").integer("threads", 16))
                .hasMessage("--threads must be a whole number; was 'many'");
        assertThatThrownBy(() -> new BenchmarkOptions("threads=4"))
                .hasMessageContaining("--name=value");
    }
}
