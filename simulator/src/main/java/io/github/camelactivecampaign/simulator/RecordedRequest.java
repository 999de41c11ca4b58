// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;
import java.util.Map;

/**
 * One request the simulator received, as the journal keeps it.
 *
 * @param method    the HTTP method
 * @param path      the path as received (still encoded)
 * @param query     the decoded query parameters
 * @param headers   the request headers, names in lower case
 * @param body      the request body text
 * @param status    the status answered (0 when the connection was dropped)
 * @param operation the catalog operation served, or null
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> query,
                              Map<String, String> headers, String body, int status, String operation) {
}
