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

    /** A response example as the description gives it: its status, its name and its text (or YAML value). */
    record ResponseExample(String status, String name, JsonNode value) {
    }

    /** The method in the description, or null for an operation the description does not list. */
    final String specMethod;
    /** The path in the description, or null for an operation the description does not list. */
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
    /** The response examples of every status, in the description's order. */
    final List<ResponseExample> responseExamples = new ArrayList<>();
    /** The first request body example, or null. */
    JsonNode requestExample;

    SpecOperation(String specMethod, String specPath) {
        this(specMethod, specPath, specMethod, specPath);
    }

    private SpecOperation(String specMethod, String specPath, String method, String path) {
        this.specMethod = specMethod;
        this.specPath = specPath;
        this.method = method;
        this.path = path;
    }

    /** An operation the service serves that the description does not list (see {@link SpecCorrections}). */
    static SpecOperation unlisted(String method, String path) {
        return new SpecOperation(null, null, method, path);
    }

    boolean isListed() {
        return specPath != null;
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
        return isListed() ? specMethod + " " + specPath : method + " " + path + " (not in the description)";
    }
}
