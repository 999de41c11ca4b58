// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The parts of one simulated account the operation handlers share. */
record SimulatorContext(ObjectMapper mapper, SimulatorCatalog catalog, ServiceModel model, SimulatorClock clock,
                        SimulatorStore store, ResponseShaper shaper, ServiceErrors errors, WriteRules rules,
                        ActivityStream activities, ListQuery query, Sideloads sideloads,
                        NestedRecords nested) {

    static SimulatorContext create(ObjectMapper mapper, SimulatorClock clock) {
        SimulatorCatalog catalog = SimulatorCatalog.get();
        ServiceModel model = ServiceModel.get();
        SimulatorStore store = new SimulatorStore(model, clock);
        ServiceErrors errors = new ServiceErrors(mapper);
        Sideloads sideloads = new Sideloads(catalog, store);
        return new SimulatorContext(mapper, catalog, model, clock, store,
                new ResponseShaper(mapper, model, catalog, store, clock, sideloads), errors,
                new WriteRules(store, errors), new ActivityStream(mapper, store, clock),
                new ListQuery(store, clock.zone()), sideloads, new NestedRecords(store));
    }
}
