// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** What the simulator answers: a status, a JSON body (or a text) and extra headers. */
record SimulatorResponse(int status, JsonNode body, Map<String, String> headers) {

    static final String PLAIN_TEXT = "text/plain; charset=utf-8";

    static SimulatorResponse of(int status, JsonNode body) {
        return new SimulatorResponse(status, body, Map.of());
    }

    /** A text answer (the site tracking snippet): the body is the text node's text. */
    static SimulatorResponse text(int status, String text) {
        return new SimulatorResponse(status, TextNode.valueOf(text), Map.of("Content-Type", PLAIN_TEXT));
    }

    boolean plainText() {
        return PLAIN_TEXT.equals(headers.get("Content-Type"));
    }
}
