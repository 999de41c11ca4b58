// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A CamelContext whose activecampaign component points at a simulator; helpers to make contacts and read what the
 * bulk import calls carried.
 */
abstract class BulkImportTestSupport extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract ActiveCampaignSimulator simulator();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(simulator().baseUrl());
        component.getConfiguration().setApiKey(simulator().token());
        component.getConfiguration().setRateLimit(1000);
        context.addComponent("activecampaign", component);
        return context;
    }

    static List<Map<String, Object>> contacts(int count, String prefix) {
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("email", prefix + i + "@example.com");
            contact.put("firstName", "First" + i);
            contacts.add(contact);
        }
        return contacts;
    }

    /** The bulk import calls the simulator received. */
    List<RecordedRequest> importCalls() {
        return simulator().journal("import/bulkImport");
    }

    /** The number of contacts each accepted bulk import call carried. */
    List<Integer> acceptedBatchSizes() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (RecordedRequest call : importCalls()) {
            if (call.status() == 200) {
                sizes.add(JSON.readTree(call.body()).path("contacts").size());
            }
        }
        return sizes;
    }
}
