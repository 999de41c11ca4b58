// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An operation as read from the OpenAPI description, mutable so that {@link SpecCorrections} can mend it
 * before it becomes a {@link CatalogOperation}.
 */
final class SpecOperation {

    /** A parameter as declared in the description. */
    static final class Param {
        String name;
        String in;
        boolean required;
        String type;

        Param(String name, String in, boolean required, String type) {
            this.name = name;
            this.in = in;
            this.required = required;
            this.type = type;
        }
    }

    final String specMethod;
    final String specPath;
    String method;
    String path;
    final List<Param> params = new ArrayList<>();
    /** Resolved request body schema, or null. */
    JsonNode bodySchema;
    /** Resolved schema of the first 2xx response, or null. */
    JsonNode responseSchema;
    String bodyKey;
    String bodyType;
    boolean bodyDecided;
    String host = "api";
    final List<String> corrections = new ArrayList<>();

    SpecOperation(String specMethod, String specPath) {
        this.specMethod = specMethod;
        this.specPath = specPath;
        this.method = specMethod;
        this.path = specPath;
    }

    List<Param> params(String in) {
        return params.stream().filter(p -> in.equals(p.in)).toList();
    }

    Param param(String name) {
        return params.stream().filter(p -> p.name.equals(name)).findFirst().orElse(null);
    }

    void correct(String what) {
        corrections.add(what);
    }

    String key() {
        return specMethod + " " + specPath;
    }
}
