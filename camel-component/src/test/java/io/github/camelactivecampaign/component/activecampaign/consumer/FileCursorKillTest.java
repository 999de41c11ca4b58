// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A consumer in a JVM of its own is killed ({@code destroyForcibly}, SIGKILL on Unix) several times while activities
 * keep arriving, and restarted on the same cursor file each time; then a last run drains what is left. The
 * delivery log must read 1, 2, 3, ... N in order, where a record repeats only as the first delivery after a kill
 * (the one in flight: logged, cursor not yet committed): nothing lost, at most one duplicate per kill.
 */
class FileCursorKillTest {

    private static final int KILLS = 6;
    private static final Instant FIRST_TIME = Instant.parse("2024-03-01T15:00:00Z");
    /** A phase that makes no progress for this long has hung: a safety net, not a speed assertion. */
    private static final long STUCK_MILLIS = 60_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void killedConsumersLoseNothingAndRepeatAtMostTheRecordInFlight() throws Exception {
        Path cursorFile = dir.resolve("cursors.dat");
        Path deliveryLog = dir.resolve("delivered.log");
        Files.createFile(deliveryLog);
        Random random = new Random(20_241_201);
        List<Integer> linesAtKill = new ArrayList<>();
        int killsDuringCursorWrite = 0;
        int created;
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.builder().rateLimit(0).start();
             ActivityFeeder feeder = new ActivityFeeder(simulator)) {
            for (int kill = 1; kill <= KILLS; kill++) {
                Process child = startChild(simulator, cursorFile, deliveryLog, kill);
                try {
                    // kill after a few deliveries of this run: every other kill right after a delivery was logged
                    // (its cursor commit in flight), the others a little later, wherever the child then is
                    int target = lines(deliveryLog).size() + 1 + random.nextInt(15);
                    awaitLog(deliveryLog, child, kill, log -> log.size() >= target);
                    if (kill % 2 == 0) {
                        Thread.sleep(1 + random.nextInt(40));
                    }
                } finally {
                    child.destroyForcibly();
                    child.waitFor();
                }
                linesAtKill.add(lines(deliveryLog).size());
                if (Files.exists(cursorFile.resolveSibling("cursors.dat.tmp"))) {
                    killsDuringCursorWrite++;
                }
                // whatever the moment of the kill, the cursor file is whole (or not there yet, before any commit)
                if (Files.exists(cursorFile)) {
                    assertThat(FileCursorFormat.read(Files.readAllBytes(cursorFile))).isNotEmpty();
                }
            }
            created = feeder.stop();

            Process last = startChild(simulator, cursorFile, deliveryLog, KILLS + 1);
            try {
                awaitLog(deliveryLog, last, KILLS + 1, log -> log.contains(created));
            } finally {
                last.destroyForcibly();
                last.waitFor();
            }
        }

        List<Integer> delivered = lines(deliveryLog);
        List<Integer> distinctInOrder = new ArrayList<>();
        List<Integer> duplicatedAt = new ArrayList<>();
        for (int i = 0; i < delivered.size(); i++) {
            if (i > 0 && delivered.get(i).equals(delivered.get(i - 1))) {
                duplicatedAt.add(i);
            } else {
                distinctInOrder.add(delivered.get(i));
            }
        }
        System.out.printf("Kill test: %d records created, %d deliveries, %d kills (%d during a cursor write), "
                          + "%d duplicates%n", created, delivered.size(), KILLS, killsDuringCursorWrite,
                duplicatedAt.size());

        List<Integer> expected = new ArrayList<>();
        for (int id = 1; id <= created; id++) {
            expected.add(id);
        }
        assertThat(distinctInOrder).as("every record delivered, in order, none lost or repeated later")
                .isEqualTo(expected);
        assertThat(linesAtKill).as("a repeat is only the first delivery after a kill (the record in flight)")
                .containsAll(duplicatedAt);
        assertThat(duplicatedAt.size()).isLessThanOrEqualTo(KILLS);
        assertThat(created).as("records kept arriving across the kills").isGreaterThan(KILLS * 2);
    }

    private Process startChild(ActiveCampaignSimulator simulator, Path cursorFile, Path deliveryLog, int run)
            throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, CursorConsumerChild.class.getName(), simulator.baseUrl(), simulator.token(),
                cursorFile.toString(), deliveryLog.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(childOutput(run).toFile());
        return builder.start();
    }

    private Path childOutput(int run) {
        return dir.resolve("child-" + run + ".out");
    }

    /** Waits until the log satisfies the condition; fails when the child died or nothing moved for a long time. */
    private void awaitLog(Path deliveryLog, Process child, int run, Predicate<List<Integer>> done)
            throws Exception {
        long seen = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            long size = Files.size(deliveryLog);
            if (size != seen) {
                seen = size;
                lastProgress = System.nanoTime();
                if (done.test(lines(deliveryLog))) {
                    return;
                }
            } else if (System.nanoTime() - lastProgress > TimeUnit.MILLISECONDS.toNanos(STUCK_MILLIS)) {
                fail("Run " + run + " delivered nothing for " + STUCK_MILLIS + " ms:\n" + output(run));
            }
            if (!child.isAlive()) {
                fail("Run " + run + " exited with " + child.exitValue() + " before it was killed:\n" + output(run));
            }
            Thread.sleep(1);
        }
    }

    private String output(int run) throws IOException {
        File file = childOutput(run).toFile();
        return file.exists() ? Files.readString(file.toPath()) : "(no output)";
    }

    /** The complete lines of the delivery log (a line being written when read is left for the next read). */
    private static List<Integer> lines(Path deliveryLog) throws IOException {
        String content = new String(Files.readAllBytes(deliveryLog), StandardCharsets.UTF_8);
        List<Integer> ids = new ArrayList<>();
        int start = 0;
        for (int end = content.indexOf('\n'); end >= 0; end = content.indexOf('\n', start)) {
            ids.add(Integer.parseInt(content.substring(start, end)));
            start = end + 1;
        }
        return ids;
    }

    /** Adds activities of contact 1 in the background, later ones later in time; pairs share a second. */
    private static final class ActivityFeeder implements AutoCloseable {
        private final ActiveCampaignSimulator simulator;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile int lastId;

        ActivityFeeder(ActiveCampaignSimulator simulator) {
            this.simulator = simulator;
            this.thread = new Thread(this::feed, "activity-feeder");
            thread.setDaemon(true);
            thread.start();
        }

        private void feed() {
            while (running) {
                int id = lastId + 1;
                Instant time = FIRST_TIME.plusSeconds((id + 1) / 2);
                simulator.seed("{\"activities\":[{\"id\":\"" + id + "\",\"subscriberid\":\"1\","
                               + "\"reference_type\":\"Deal\",\"reference_action\":\"update\","
                               + "\"tstamp\":\"" + time + "\"}]}");
                lastId = id;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** Stops adding; the id of the last activity added. */
        int stop() throws InterruptedException {
            running = false;
            thread.join();
            return lastId;
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
