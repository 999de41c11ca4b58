// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConfiguration;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Executes the endpoint's operation on the caller's thread: the HTTP client blocks, so handing the call to another
 * thread would only add a hand-off per call. Bad input fails before any I/O.
 */
public class ActiveCampaignProducer extends DefaultProducer {

    private final ActiveCampaignEndpoint endpoint;
    private final ActiveCampaignOperation operation;
    private final ActiveCampaignResponseReader responses;
    private ActiveCampaignRequestBuilder requests;

    public ActiveCampaignProducer(ActiveCampaignEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.operation = endpoint.getOperation();
        this.responses = endpoint.getResponseReader();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the endpoint's options are fixed by now: validate and resolve them once
        requests = new ActiveCampaignRequestBuilder(endpoint, endpoint.getObjectMapper());
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        ActiveCampaignRequest request = requests.build(message);
        ActiveCampaignConfiguration configuration = endpoint.getConfiguration();
        boolean paginate = operation.list() && endpoint.isPaginate();
        int pageSize = configuration.getPageSize();
        ActiveCampaignRequest first = paginate ? ActiveCampaignPageIterator.firstPage(request, pageSize) : request;
        ActiveCampaignResponse response = endpoint.send(first);
        Object body = responses.body(operation.name(), response);
        ActiveCampaignResponseReader.setHeaders(message, operation.name(), response, body);
        Class<?> outputClass = endpoint.getOutputClass();
        if (paginate) {
            message.setBody(new ActiveCampaignPageIterator(operation, first, body, pageSize, endpoint::call,
                    record -> responses.convertOne(record, outputClass)));
        } else {
            message.setBody(responses.convert(operation, body, outputClass));
        }
    }
}
