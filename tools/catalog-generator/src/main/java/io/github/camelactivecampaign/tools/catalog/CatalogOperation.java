// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of the catalog, as the component serves it.
 *
 * @param apiName     the resource part of the URI name, e.g. {@code deals}
 * @param methodName  the operation part of the URI name, e.g. {@code createNote}
 * @param method      the HTTP method
 * @param path        the path as the service serves it, with {@code {param}} placeholders
 * @param description our own short description
 * @param pathParams  path parameters in path order
 * @param queryParams query parameters
 * @param bodyKey     the JSON envelope key of the request body, or null when the body is not wrapped
 * @param bodyType    {@code object}, {@code array}, {@code form} or null when the operation takes no body
 * @param list        whether this is a paged list operation (takes {@code limit}/{@code offset})
 * @param resultKey   the key of the response that holds the result (the array for list operations)
 * @param host        {@code api} for the account's API base URL, {@code tracking} for the event tracking host
 * @param specMethod  the method in the OpenAPI description, null for an operation it does not list
 * @param specPath    the path in the OpenAPI description, before corrections; null for an operation it does
 *                    not list
 * @param corrections the corrections applied to this operation, in words
 * @param responseExamples the reference's response examples, as it gives them
 * @param requestExample   the reference's first request body example, or null
 */
public record CatalogOperation(
        String apiName, String methodName, String method, String path, String description,
        List<CatalogParameter> pathParams, List<CatalogParameter> queryParams,
        String bodyKey, String bodyType, boolean list, String resultKey, String host,
        String specMethod, String specPath, List<String> corrections,
        List<SpecOperation.ResponseExample> responseExamples, JsonNode requestExample) {

    public String name() {
        return apiName + "/" + methodName;
    }
}
