// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponseMapper;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Executes the endpoint's operation: the request is resolved and validated on the caller's thread (bad input fails
 * synchronously, before any I/O), then sent from the producer's pool.
 */
public class ActiveCampaignProducer extends DefaultAsyncProducer {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ActiveCampaignEndpoint endpoint;
    private final ActiveCampaignOperation operation;
    private final ActiveCampaignRequestFactory requests;
    private final ActiveCampaignResponseMapper responses = new ActiveCampaignResponseMapper(MAPPER);
    private ExecutorService executor;

    public ActiveCampaignProducer(ActiveCampaignEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.operation = endpoint.getOperation();
        this.requests = new ActiveCampaignRequestFactory(endpoint, MAPPER);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newDefaultThreadPool(this, "ActiveCampaignProducer[" + operation.name() + "]");
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ActiveCampaignCall call;
        try {
            call = requests.create(exchange.getMessage());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        executor.execute(() -> {
            try {
                execute(call, exchange.getMessage());
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    private void execute(ActiveCampaignCall call, Message message) {
        Class<?> outputClass = endpoint.getConfiguration().getOutputClass();
        boolean paginate = operation.list() && endpoint.getConfiguration().isPaginate();
        int pageSize = endpoint.getConfiguration().getPageSize();
        ActiveCampaignCall first = paginate ? ActiveCampaignPageIterator.firstPage(call, pageSize) : call;
        ActiveCampaignResponse response = endpoint.getClient().execute(first.toRequest(base()),
                endpoint.callPolicy());
        Object body = responses.body(operation.name(), response);
        if (operation.isTracking()) {
            checkTracked(body);
        }
        message.setHeader(ActiveCampaignConstants.HTTP_RESPONSE_CODE, response.status());
        message.setHeader(ActiveCampaignConstants.OPERATION, operation.name());
        Long total = ActiveCampaignResults.total(body);
        if (total != null) {
            message.setHeader(ActiveCampaignConstants.TOTAL, total);
        }
        if (response.header("RateLimit-Limit") != null) {
            message.setHeader(ActiveCampaignConstants.RATE_LIMIT_LIMIT, response.header("RateLimit-Limit"));
        }
        if (response.header("RateLimit-Remaining") != null) {
            message.setHeader(ActiveCampaignConstants.RATE_LIMIT_REMAINING, response.header("RateLimit-Remaining"));
        }
        if (paginate) {
            message.setBody(new ActiveCampaignPageIterator(first, body, pageSize,
                    next -> responses.body(operation.name(),
                            endpoint.getClient().execute(next.toRequest(base()), endpoint.callPolicy())),
                    record -> ActiveCampaignResults.convertOne(MAPPER, record, outputClass)));
        } else {
            message.setBody(ActiveCampaignResults.convert(MAPPER, operation, body, outputClass));
        }
    }

    private String base() {
        return operation.isTracking() ? endpoint.getConfiguration().getTrackingUrl().strip()
                : endpoint.normalizedBaseUrl();
    }

    /** The tracking host answers 200 with {"success": 0, "message": ...} when it refuses an event. */
    private void checkTracked(Object body) {
        if (body instanceof Map<?, ?> map && "0".equals(String.valueOf(map.get("success")))) {
            throw new ActiveCampaignException("ActiveCampaign eventTracking/track was refused: " + map.get("message")
                                              + ". Check trackingAccountId and trackingSecret (Settings > Tracking) and "
                                              + "that event tracking is enabled",
                    operation.name(), 200, "OK", String.valueOf(map), java.util.List.of());
        }
    }
}
