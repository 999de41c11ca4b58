// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.net.InetSocketAddress;
import java.util.Arrays;

import com.sun.net.httpserver.HttpServer;

/**
 * Measures how long the simulator takes to start, against a baseline measured in the same run: a bare JDK
 * HttpServer on a free loopback port. Not a unit test (timings are noisy); run it with
 * {@code mvn -B -q -pl simulator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.camelactivecampaign.simulator.SimulatorStartupHarness}.
 */
public final class SimulatorStartupHarness {

    private static final int RUNS = 30;

    private SimulatorStartupHarness() {
    }

    public static void main(String[] args) throws Exception {
        long cold = System.nanoTime();
        ActiveCampaignSimulator.start().close();
        double coldMillis = (System.nanoTime() - cold) / 1e6;

        double[] bare = new double[RUNS];
        double[] simulator = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
            bare[i] = (System.nanoTime() - start) / 1e6;
            server.stop(0);

            start = System.nanoTime();
            ActiveCampaignSimulator started = ActiveCampaignSimulator.start();
            simulator[i] = (System.nanoTime() - start) / 1e6;
            started.close();
        }
        double bareMedian = median(bare);
        double simulatorMedian = median(simulator);
        System.out.printf("first start in this JVM (class loading, catalog parse): %.1f ms%n", coldMillis);
        System.out.printf("median of %d starts: simulator %.2f ms, bare JDK HttpServer %.2f ms, ratio %.1fx%n",
                RUNS, simulatorMedian, bareMedian, simulatorMedian / bareMedian);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
