// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator against the reference's own response examples: for every operation with an example (from the
 * generator's fixture {@code reference-examples.json}), a matching request (with what it needs seeded first) must
 * answer the example's status, envelope keys, field names and JSON types, recursively. The coverage is printed and
 * written to {@code target/contract-coverage.txt}.
 */
class SimulatorContractTest {

    /**
     * Where the reference contradicts itself or shows what no request could produce, the one path concerned is not
     * compared; everything else of that answer is. Each entry says why.
     */
    private static final Map<String, Map.Entry<String, String>> REFERENCE_CONFLICTS = Map.of(
            "accountCustomFieldMeta/list", Map.entry("$.accountCustomFieldMeta[0].fieldDefault",
                    "the list shows fieldDefault 1 for the text field whose get, create and update show "
                    + "\"Default Text\""),
            "dealCustomFieldMeta/list", Map.entry("$.dealCustomFieldMeta[0].fieldDefault",
                    "the list shows fieldDefault 1 for the text field whose get, create and update show "
                    + "\"Default Text\""),
            "addresses/create", Map.entry("$.address.country",
                    "the request sends country \"US\", the answer shows country 3: an internal country id the "
                    + "reference does not map"),
            "customObjectRecords/createOrUpdate", Map.entry("$.record.relationships.account",
                    "the request relates \"primary-contact\", the answer shows \"account\": relationship keys are "
                    + "the schema's own, the two examples are of different schemas"));

    private static final Map<String, String> RESULTS = new ConcurrentSkipListMap<>();
    private static final Map<String, List<String>> UNVERIFIED = new ConcurrentSkipListMap<>();
    private static List<ReferenceExample> examples;
    private static ActiveCampaignSimulator simulator;

    @TestFactory
    Stream<DynamicTest> everyOperationWithAReferenceExampleAnswersInItsShape() throws IOException {
        examples = ReferenceExample.load();
        if (examples == null) {
            return Stream.of(DynamicTest.dynamicTest("reference examples", () -> Assumptions.abort("no "
                    + ReferenceExample.FIXTURE + " on the test classpath: the catalog generator writes it to "
                    + "simulator/src/test/resources; the contract test is skipped")));
        }
        simulator = ActiveCampaignSimulator.builder().rateLimit(0).start();
        SimulatorCatalog catalog = SimulatorCatalog.get();
        Map<String, ObjectNode> samples = ReferenceExample.samples(examples, catalog);
        ContractDriver driver = new ContractDriver(simulator, catalog, samples);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.operation(), () -> {
            RESULTS.put(example.operation(), "failed");
            ContractDriver.Exchange exchange = driver.run(example);
            ShapeComparison comparison = ShapeComparison.of(example.example(), exchange.body());
            assertThat(exchange.status()).as("%s answered %s", exchange.request(), exchange.body())
                    .isEqualTo(example.status());
            Map.Entry<String, String> conflict = REFERENCE_CONFLICTS.get(example.operation());
            List<String> problems = comparison.problems().stream()
                    .filter(p -> conflict == null || !p.startsWith(conflict.getKey() + " ")).toList();
            assertThat(problems).as("%s answered %s", exchange.request(), exchange.body()).isEmpty();
            RESULTS.put(example.operation(), conflict != null && problems.size() < comparison.problems().size()
                    ? "passed except " + conflict.getKey() + ": " + conflict.getValue() : "passed");
            if (!comparison.unverified().isEmpty()) {
                UNVERIFIED.put(example.operation(), comparison.unverified());
            }
        }));
    }

    @AfterAll
    static void coverage() throws IOException {
        if (simulator != null) {
            simulator.close();
        }
        if (examples == null) {
            return;
        }
        Set<String> withExample = new TreeSet<>(RESULTS.keySet());
        long passed = RESULTS.values().stream().filter(r -> r.startsWith("passed")).count();
        List<String> without = new ArrayList<>();
        for (SimulatorOperation operation : SimulatorCatalog.get().operations()) {
            if (!withExample.contains(operation.name())) {
                without.add(operation.name());
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("Contract coverage: ").append(withExample.size()).append(" operations have a reference ")
                .append("example; ").append(passed).append(" pass.\n");
        RESULTS.forEach((operation, result) -> {
            if (!"passed".equals(result)) {
                report.append("  ").append(operation).append(": ").append(result).append('\n');
            }
        });
        report.append("Arrays the example fills and the simulator's answer left empty (not compared): ")
                .append(UNVERIFIED.size()).append(" operations\n");
        UNVERIFIED.forEach((operation, paths) -> report.append("  ").append(operation).append(' ').append(paths)
                .append('\n'));
        report.append("Catalog operations without a reference example (").append(without.size()).append("):\n");
        without.forEach(operation -> report.append("  ").append(operation).append('\n'));
        System.out.println(report);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("contract-coverage.txt"), report);
        }
    }
}
