// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.Arrays;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar <per-call|per-call-interleaved|export|budget|bulk-import> [--name=value ...]}: runs one benchmark
 * and prints its report. docs/benchmarks.md lists the options and the figures measured.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("Usage: java -jar benchmarks.jar <per-call|per-call-interleaved|export|budget|bulk-import> [--name=value ...]; "
                               + "see docs/benchmarks.md");
            System.exit(2);
        }
        BenchmarkOptions options = new BenchmarkOptions(Arrays.copyOfRange(args, 1, args.length));
        String report = switch (args[0]) {
            case "per-call" -> {
                PerCallRun.Settings settings = PerCallRun.Settings.from(options);
                options.checkAllUsed();
                yield PerCallRun.run(settings, System.out::println).format();
            }
            case "per-call-interleaved" -> {
                PerCallInterleaved.Settings settings = PerCallInterleaved.Settings.from(options);
                options.checkAllUsed();
                yield PerCallInterleaved.run(settings, System.out::println).format();
            }
            case "per-call-caller" -> {
                PerCallCallerThread.Settings settings = PerCallCallerThread.Settings.from(options);
                options.checkAllUsed();
                yield PerCallCallerThread.run(settings, System.out::println).format();
            }
            case "export" -> {
                ExportBenchmark.Settings settings = ExportBenchmark.Settings.from(options);
                options.checkAllUsed();
                yield ExportBenchmark.run(settings, System.out::println).format();
            }
            case "bulk-import" -> {
                BulkImportBenchmark.Settings settings = BulkImportBenchmark.Settings.from(options);
                options.checkAllUsed();
                yield BulkImportBenchmark.run(settings).format();
            }
            case "budget" -> {
                BudgetBenchmark.Settings settings = BudgetBenchmark.Settings.from(options);
                options.checkAllUsed();
                yield BudgetBenchmark.run(settings).format();
            }
            default -> throw new IllegalArgumentException("Unknown benchmark '" + args[0]
                                                          + "'; choose per-call, per-call-interleaved, per-call-caller, "
                                                          + "export, budget or bulk-import");
        };
        System.out.println();
        System.out.print(report);
        System.out.printf("(%d processors, %s %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }
}
