// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code meta} of an answer, shaped like the reference's example of that operation: {@code total} a string or a
 * number as the example has it, {@code page_input} the query as the service understood it, {@code currencies} the
 * deals' totals per currency, {@code count}, {@code limit}, {@code offset} of the page; anything else emptied.
 */
final class MetaWriter {

    private final ObjectMapper mapper;

    MetaWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode write(JsonNode example, ListQuery.Page page, SimulatorRequest request) {
        ObjectNode meta = mapper.createObjectNode();
        example.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (page != null && "total".equals(key)) {
                meta.set(key, typed(value, page.total()));
            } else if (page != null && "count".equals(key)) {
                meta.set(key, typed(value, page.records().size()));
            } else if (page != null && "limit".equals(key)) {
                meta.set(key, typed(value, page.limit()));
            } else if (page != null && "offset".equals(key)) {
                meta.set(key, typed(value, page.offset()));
            } else if ("page_input".equals(key) && value.isObject()) {
                meta.set(key, pageInput((ObjectNode) value, page, request));
            } else if (page != null && "currencies".equals(key)) {
                meta.set(key, currencies(page));
            } else {
                meta.set(key, ServiceModelReader.neutral(value));
            }
        });
        return meta;
    }

    private JsonNode typed(JsonNode example, long value) {
        return example.isNumber() ? mapper.getNodeFactory().numberNode(value)
                : mapper.getNodeFactory().textNode(String.valueOf(value));
    }

    /** The example's defaults (status -1, search null, ...) with what the request asked. */
    private ObjectNode pageInput(ObjectNode example, ListQuery.Page page, SimulatorRequest request) {
        ObjectNode input = example.deepCopy();
        example.fieldNames().forEachRemaining(name -> {
            String asked = request.query(name) != null ? request.query(name) : request.query("filters[" + name + "]");
            if (page != null && "limit".equals(name)) {
                asked = String.valueOf(page.limit());
            } else if (page != null && "offset".equals(name)) {
                asked = String.valueOf(page.offset());
            }
            if (asked != null) {
                JsonNode kind = example.get(name);
                input.set(name, kind.isNumber() && ServiceModelReader.isNumber(asked)
                        ? mapper.getNodeFactory().numberNode(new BigDecimal(asked).longValue())
                        : mapper.getNodeFactory().textNode(asked));
            }
        });
        if (input.has("cacheid")) {
            input.put("cacheid", Integer.toHexString(request.query().hashCode()));
        }
        return input;
    }

    /** GET /deals: per currency, how many deals matched and their summed value (in cents, as strings). */
    private ObjectNode currencies(ListQuery.Page page) {
        Map<String, long[]> totals = new TreeMap<>();
        for (JsonNode deal : page.matched()) {
            String currency = deal.path("currency").asText("usd").toUpperCase(Locale.ROOT);
            long[] total = totals.computeIfAbsent(currency, k -> new long[2]);
            total[0]++;
            total[1] += deal.path("value").asLong(0);
        }
        ObjectNode currencies = mapper.createObjectNode();
        totals.forEach((currency, total) -> currencies.putObject(currency).put("currency", currency)
                .put("total", String.valueOf(total[0])).put("value", String.valueOf(total[1])));
        return currencies;
    }
}
