// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequestPolicy;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;

/**
 * A client without HTTP: records the requests it is given and answers each with what the test's function says.
 */
public final class FakeActiveCampaignClient implements ActiveCampaignClient {

    private final List<ActiveCampaignRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<ActiveCampaignRequest, ActiveCampaignResponse> answers;

    public FakeActiveCampaignClient(Function<ActiveCampaignRequest, ActiveCampaignResponse> answers) {
        this.answers = answers;
    }

    /** A 200 answer with this JSON body. */
    public static ActiveCampaignResponse ok(String json) {
        return new ActiveCampaignResponse(200, "OK", json, "application/json", Map.of());
    }

    @Override
    public ActiveCampaignResponse execute(ActiveCampaignRequest request, ActiveCampaignRequestPolicy policy) {
        requests.add(request);
        return answers.apply(request);
    }

    @Override
    public String getBaseUrl() {
        return "https://fake.api-us1.com/api/3";
    }

    public List<ActiveCampaignRequest> requests() {
        return requests;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
