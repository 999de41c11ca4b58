// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the simulator knows of the service's answers: per collection the fields its records carry and their types,
 * per operation the status, companion arrays and meta. Derived from the reference's response examples (the
 * generator's {@code reference-examples.json}, copied into this jar at build) by {@link ServiceModelReader}.
 */
final class ServiceModel {

    static final String RESOURCE = "META-INF/activecampaign-simulator/reference-examples.json";

    private final Map<String, ResourceShape> resources;
    private final Map<String, OperationShape> operations;

    ServiceModel(Map<String, ResourceShape> resources, Map<String, OperationShape> operations) {
        this.resources = resources;
        this.operations = operations;
    }

    private static final class Holder {
        static final ServiceModel INSTANCE = load();
    }

    /** The model, derived once per class loader. */
    static ServiceModel get() {
        return Holder.INSTANCE;
    }

    private static ServiceModel load() {
        try (InputStream in = ServiceModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                // built without the generator's examples: records carry only what was sent, dates and ids
                return new ServiceModel(Map.of(), Map.of());
            }
            return new ServiceModelReader(SimulatorCatalog.get()).read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ResourceShape resource(String collection) {
        ResourceShape shape = resources.get(collection);
        return shape != null ? shape : ResourceShape.unknown(collection);
    }

    /** The reference's answer to this operation, or null when the reference shows no example of it. */
    OperationShape operation(String name) {
        return operations.get(name);
    }

    boolean knows(String collection) {
        return resources.containsKey(collection);
    }
}
