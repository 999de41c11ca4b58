// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Three replicas of an application ({@link ClusterNode}, each a JVM of its own) on one simulated account that enforces
 * its rate limit: producers under load in each, the activities consumer under Camel's cluster policy, the budget and
 * the cursor shared in PostgreSQL. The leader is killed ({@code destroyForcibly}) twice while records keep arriving.
 * <p>
 * The account's limit is scaled up ({@link #RATE} a second instead of 5) so that a short run holds many requests;
 * the simulator counts them as the service would (any one second), read from its journal every 50 ms. Asserted: no
 * 429 reaches a route; the requests the replicas sent together stay within the limit; every activity is delivered,
 * with at most one duplicate per kill; after each kill another replica polls within {@link #FAILOVER_BOUND_MILLIS};
 * and, while the account was not paused, the replicas used at least {@link #FLOOR} of the limit. A request that
 * leaves more than 30 ms after its turn (a busy machine) can make a second hold one request too many: the
 * simulator answers 429 and the account rightly pauses for a second. The share of the limit used is printed, over
 * the run and outside the pauses, with how late the machine woke threads meanwhile (docs/scale-out.md quotes the
 * figures); the budget's own pace is asserted by BucketRateLimiterTest.
 */
class ClusterFailoverTest {

    static final double RATE = 40;
    static final int NODES = 3;
    static final int PRODUCERS = 4;
    static final int KILLS = 2;
    static final long WARM_UP_MILLIS = 3000;
    static final long PHASE_MILLIS = 8000;
    /** A safety net, not a speed figure: a new leader is expected within a few seconds. */
    static final long FAILOVER_BOUND_MILLIS = 30_000;
    static final long START_BOUND_MILLIS = 90_000;
    static final long DRAIN_BOUND_MILLIS = 60_000;
    /** Outside the pauses, less than this is too little to tell a share of the limit from noise. */
    static final double MIN_MEASURED_SECONDS = 5;
    /**
     * The least share of the limit the replicas use outside the pauses, on any machine: 99.5% is the budget's pace,
     * and a machine shared with other builds took it down to 84% here; a pace or a sharing gone wrong falls lower.
     */
    static final double FLOOR = 0.75;

    @RegisterExtension
    final TestPostgres postgres = new TestPostgres();

    @TempDir
    Path dir;

    private final List<Node> nodes = new ArrayList<>();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void replicasShareTheBudgetAndTheCursorAndSurviveTheLeadersDeath() throws Exception {
        List<Long> failovers = new ArrayList<>();
        SchedulingProbe machine = new SchedulingProbe();
        Sampler sampler;
        long start;
        long end;
        Set<String> created;
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.builder().rateLimit(RATE).threads(16)
                .start()) {
            try {
                for (int i = 1; i <= NODES; i++) {
                    nodes.add(new Node(i, simulator));
                }
                for (Node node : nodes) {
                    awaitThat(() -> node.lines().contains("READY"), START_BOUND_MILLIS, node, "did not start");
                }
                Thread.sleep(WARM_UP_MILLIS);

                sampler = new Sampler(simulator);
                start = System.currentTimeMillis();
                for (int kill = 1; kill <= KILLS; kill++) {
                    Thread.sleep(PHASE_MILLIS);
                    Node leader = leader();
                    long killedAt = System.currentTimeMillis();
                    leader.process.destroyForcibly().waitFor();
                    failovers.add(awaitNewLeaderPoll(leader, killedAt) - killedAt);
                }
                Thread.sleep(PHASE_MILLIS);
                end = System.currentTimeMillis();
                Files.createFile(dir.resolve("stop"));
                for (Node node : alive()) {
                    awaitThat(() -> node.lines().contains("STOPPED-LOAD"), DRAIN_BOUND_MILLIS, node,
                            "did not stop its producers");
                }
                sampler.stop();
                machine.stop();
                created = new HashSet<>();
                simulator.records("activities").forEach(a -> created.add(String.valueOf(a.get("id"))));
                awaitThat(() -> delivered().keySet().containsAll(created), DRAIN_BOUND_MILLIS, alive().get(0),
                        "did not deliver every activity");
            } finally {
                nodes.forEach(node -> node.process.destroyForcibly());
            }
        }

        Map<String, Integer> delivered = delivered();
        int deliveries = delivered.values().stream().mapToInt(Integer::intValue).sum();
        List<String> failures = new ArrayList<>();
        for (Node node : nodes) {
            node.lines().stream().filter(line -> line.startsWith("F ")).forEach(failures::add);
        }
        Rates rates = sampler.rates(start, end);
        double used = rates.mean() / RATE;
        double usedOutsidePauses = rates.outsidePauses() / RATE;
        System.out.printf("Cluster test: %d replicas, limit %.0f requests/s, %d kills of the leader%n", NODES, RATE,
                KILLS);
        System.out.printf("  requests in %.1f s: %d answered, %d answered 429 by the simulator (arrivals %.2f/s)%n",
                (end - start) / 1000.0, rates.served(), rates.refused(), rates.arrivals());
        System.out.printf("  combined rate: %.2f requests/s = %.1f%% of the limit; per second: median %d, "
                          + "min %d, max %d%n", rates.mean(), 100 * used, rates.median(), rates.min(), rates.max());
        System.out.printf("  outside the Retry-After pauses (%.1f s of %.1f s): %.2f requests/s = %.1f%% of the "
                          + "limit%n", rates.pausedSeconds(), (end - start) / 1000.0, rates.outsidePauses(),
                100 * usedOutsidePauses);
        System.out.printf("  activities: %d created, %d delivered, %d duplicates; failover (kill to the new "
                          + "leader's first poll): %s ms%n", created.size(), deliveries,
                deliveries - delivered.size(), failovers);
        System.out.printf("  failures in routes: %d; machine: threads woke up to %d ms late (p99 %d ms, %d "
                          + "cores, load %.1f)%n", failures.size(), machine.max(), machine.p99(),
                Runtime.getRuntime().availableProcessors(), machine.load());

        assertThat(failures).as("requests that failed in a route (429s or others)").isEmpty();
        assertThat(delivered.keySet()).as("every activity delivered, cluster-wide").containsAll(created);
        assertThat(deliveries - delivered.size()).as("duplicates: at most the record in flight per kill")
                .isLessThanOrEqualTo(KILLS);
        assertThat(failovers).hasSize(KILLS).allSatisfy(millis -> assertThat(millis)
                .isLessThan(FAILOVER_BOUND_MILLIS));
        assertThat(created.size()).as("records kept arriving").isGreaterThan(100);
        // three replicas with a budget each would offer three times the limit
        assertThat(rates.arrivals()).as("requests a second the replicas sent together, 429s included")
                .isLessThanOrEqualTo(RATE);
        // A request that leaves more than 30 ms after its turn (a busy machine) can put one request too many into
        // a second: the simulator answers 429 and the whole account pauses for its Retry-After (1 s), as it must.
        // How fully the replicas use the budget is therefore measured while the service lets them send. On the
        // shared 2-core build machines that figure moves with the other builds' load (see docs/scale-out.md), so
        // the test asserts only a floor that a budget spaced or shared wrongly would miss; the budget's own pace,
        // 99.5% of the limit, is asserted on one JVM by BucketRateLimiterTest.
        double measured = (end - start) / 1000.0 - rates.pausedSeconds();
        if (measured >= MIN_MEASURED_SECONDS) {
            assertThat(usedOutsidePauses).as("share of the limit used by the replicas together, outside the pauses")
                    .isGreaterThanOrEqualTo(FLOOR);
        } else {
            System.out.printf("  share of the limit not measured: the account was paused all but %.1f s%n",
                    measured);
        }
    }

    private List<Node> alive() {
        return nodes.stream().filter(node -> node.process.isAlive()).toList();
    }

    /** The replica that polled last: only the leader polls. */
    private Node leader() throws Exception {
        long deadline = System.currentTimeMillis() + FAILOVER_BOUND_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Node leader = null;
            long latest = System.currentTimeMillis() - 2000;
            for (Node node : alive()) {
                long last = node.lastPoll();
                if (last > latest) {
                    latest = last;
                    leader = node;
                }
            }
            if (leader != null) {
                return leader;
            }
            Thread.sleep(50);
        }
        return fail("No replica polled in the last " + FAILOVER_BOUND_MILLIS + " ms:\n" + outputs());
    }

    /** When another replica first polled after the leader was killed. */
    private long awaitNewLeaderPoll(Node killed, long killedAt) throws Exception {
        long deadline = System.currentTimeMillis() + FAILOVER_BOUND_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (Node node : alive()) {
                long first = node.firstPollAfter(killedAt);
                if (node != killed && first > 0) {
                    return first;
                }
            }
            Thread.sleep(20);
        }
        return fail("No replica polled within " + FAILOVER_BOUND_MILLIS + " ms of the leader's death:\n"
                    + outputs());
    }

    /** Each activity id delivered, and how many times, over every replica. */
    private Map<String, Integer> delivered() {
        Map<String, Integer> counts = new HashMap<>();
        for (Node node : nodes) {
            for (String line : node.lines()) {
                if (line.startsWith("D ")) {
                    counts.merge(line.substring(2), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private void awaitThat(BooleanSupplier condition, long boundMillis, Node node, String problem)
            throws Exception {
        long deadline = System.currentTimeMillis() + boundMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("Replica " + node.number + " " + problem + " within " + boundMillis + " ms:\n" + outputs());
            }
            if (!node.process.isAlive()) {
                fail("Replica " + node.number + " died:\n" + outputs());
            }
            Thread.sleep(50);
        }
    }

    private String outputs() {
        StringBuilder all = new StringBuilder();
        for (Node node : nodes) {
            try {
                List<String> output = Files.readAllLines(node.output);
                all.append("--- replica ").append(node.number).append(" (last lines)\n")
                        .append(String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())))
                        .append('\n');
            } catch (IOException e) {
                all.append("--- replica ").append(node.number).append(": no output\n");
            }
        }
        return all.toString();
    }

    /** A replica: its process, its event log and its console output. */
    private final class Node {
        final int number;
        final Path log;
        final Path output;
        final Process process;

        Node(int number, ActiveCampaignSimulator simulator) throws IOException {
            this.number = number;
            this.log = dir.resolve("replica-" + number + ".log");
            this.output = dir.resolve("replica-" + number + ".out");
            Files.createFile(log);
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx160m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-cp", classpath, ClusterNode.class.getName(), simulator.baseUrl(),
                    simulator.token(), postgres.schemaUrl(), TestPostgres.USER, TestPostgres.PASSWORD,
                    dir.resolve("cluster").toString(), log.toString(), dir.resolve("stop").toString(),
                    Double.toString(RATE), Integer.toString(PRODUCERS), "replica" + number);
            builder.redirectErrorStream(true);
            builder.redirectOutput(output.toFile());
            this.process = builder.start();
        }

        /** The complete lines of the event log (a line being written is left for the next read). */
        List<String> lines() {
            try {
                String content = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                int end = content.lastIndexOf('\n');
                return end < 0 ? List.of() : List.of(content.substring(0, end).split("\n"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        long lastPoll() {
            long last = 0;
            for (String line : lines()) {
                if (line.startsWith("P ")) {
                    last = Long.parseLong(line.substring(2));
                }
            }
            return last;
        }

        long firstPollAfter(long millis) {
            for (String line : lines()) {
                if (line.startsWith("P ") && Long.parseLong(line.substring(2)) > millis) {
                    return Long.parseLong(line.substring(2));
                }
            }
            return 0;
        }
    }

    /** The simulator's own count of what it answered, read every 50 ms: served requests, and 429s. */
    private static final class Sampler {
        /** Beyond the Retry-After: the pause begins when a replica reads the 429, and ends when each reads the time. */
        static final long PAUSE_SLACK_MILLIS = 100;

        private record Sample(long millis, int served, int refused) {
        }

        private final ActiveCampaignSimulator simulator;
        private final List<Sample> samples = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        Sampler(ActiveCampaignSimulator simulator) {
            this.simulator = simulator;
            this.thread = new Thread(this::run, "sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running) {
                List<RecordedRequest> journal = simulator.journal();
                int refused = (int) journal.stream().filter(r -> r.status() == 429).count();
                samples.add(new Sample(System.currentTimeMillis(), journal.size() - refused, refused));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        /** The counts between two moments: in all, second by second, and outside the pauses 429s caused. */
        Rates rates(long from, long to) {
            Sample first = at(from);
            Sample last = at(to);
            List<Integer> perSecond = new ArrayList<>();
            for (long second = from; second + 1000 <= to; second += 1000) {
                perSecond.add(at(second + 1000).served() - at(second).served());
            }
            Collections.sort(perSecond);
            assertThat(last.served() + last.refused()).as("the simulator's journal kept every request")
                    .isLessThan(10_000);
            List<long[]> pauses = new ArrayList<>();
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i).refused() > samples.get(i - 1).refused()) {
                    pauses.add(new long[] { samples.get(i - 1).millis(),
                                            samples.get(i).millis() + 1000 + PAUSE_SLACK_MILLIS });
                }
            }
            long activeMillis = 0;
            long pausedMillis = 0;
            int activeServed = 0;
            for (int i = 1; i < samples.size(); i++) {
                Sample a = samples.get(i - 1);
                Sample b = samples.get(i);
                if (a.millis() < from || b.millis() > to) {
                    continue;
                }
                if (pauses.stream().anyMatch(p -> a.millis() < p[1] && b.millis() > p[0])) {
                    pausedMillis += b.millis() - a.millis();
                } else {
                    activeMillis += b.millis() - a.millis();
                    activeServed += b.served() - a.served();
                }
            }
            double seconds = (last.millis() - first.millis()) / 1000.0;
            int served = last.served() - first.served();
            int refused = last.refused() - first.refused();
            return new Rates(served, refused, served / seconds, (served + refused) / seconds,
                    perSecond.get(perSecond.size() / 2), perSecond.get(0), perSecond.get(perSecond.size() - 1),
                    pausedMillis / 1000.0, activeMillis == 0 ? 0 : activeServed * 1000.0 / activeMillis);
        }

        /** The last sample taken at or before the moment. */
        private Sample at(long millis) {
            Sample found = samples.get(0);
            for (Sample sample : samples) {
                if (sample.millis() <= millis) {
                    found = sample;
                }
            }
            return found;
        }
    }

    /**
     * What the simulator answered between two moments: in all, second by second, and outside the account's pauses
     * (from the sample before a 429 to a second and {@link Sampler#PAUSE_SLACK_MILLIS} after the sample that saw it).
     */
    private record Rates(int served, int refused, double mean, double arrivals, int median, int min, int max,
                         double pausedSeconds, double outsidePauses) {
    }

    /** How late this machine wakes a thread that sleeps 5 ms, while the test runs: its own load, and others'. */
    private static final class SchedulingProbe {
        private final List<Long> lateMillis = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        SchedulingProbe() {
            thread = new Thread(() -> {
                while (running) {
                    long before = System.nanoTime();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                    lateMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before) - 5);
                }
            }, "scheduling-probe");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long max() {
            return lateMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        long p99() {
            List<Long> sorted = lateMillis.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99));
        }

        double load() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }
}
