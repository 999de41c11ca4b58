// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One operation of the catalog: everything the producer needs to build its request.
 *
 * @param name        {@code resource/operation}, e.g. {@code deals/update}
 * @param apiName     the resource, e.g. {@code deals}
 * @param methodName  the operation, e.g. {@code update}
 * @param method      the HTTP method
 * @param path        the path under the base URL, with {@code {param}} placeholders
 * @param description what it does
 * @param pathParams  the path parameters in path order
 * @param queryParams the query parameters
 * @param bodyKey     the envelope key of the request body, or null
 * @param bodyType    {@code object}, {@code array}, {@code form} or null for no body
 * @param list        whether it is a paged list operation
 * @param resultKey   the response key that holds the result, or null
 * @param host        {@code api} or {@code tracking}
 */
public record ActiveCampaignOperation(
        String name, String apiName, String methodName, String method, String path, String description,
        List<ActiveCampaignParameter> pathParams, List<ActiveCampaignParameter> queryParams,
        String bodyKey, String bodyType, boolean list, String resultKey, String host) {

    public boolean isTracking() {
        return "tracking".equals(host);
    }

    public boolean hasBody() {
        return bodyType != null;
    }

    /** Path and query parameters. */
    public List<ActiveCampaignParameter> parameters() {
        List<ActiveCampaignParameter> all = new ArrayList<>(pathParams);
        all.addAll(queryParams);
        return all;
    }

    /** The parameter with this option name or wire name. */
    public Optional<ActiveCampaignParameter> parameter(String optionOrName) {
        return parameters().stream()
                .filter(p -> p.option().equalsIgnoreCase(optionOrName) || p.name().equals(optionOrName))
                .findFirst();
    }

    /** An example URI that sets every required parameter, for error messages. */
    public String exampleUri() {
        StringBuilder uri = new StringBuilder("activecampaign:").append(name);
        char separator = '?';
        for (ActiveCampaignParameter parameter : parameters()) {
            if (parameter.required()) {
                uri.append(separator).append(parameter.option()).append('=')
                        .append(parameter.isInteger() || parameter.option().endsWith("Id")
                                || "id".equals(parameter.option()) ? "42" : "value");
                separator = '&';
            }
        }
        return uri.toString();
    }
}
