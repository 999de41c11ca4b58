// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.List;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A call to ActiveCampaign that failed: the operation, the HTTP status, the errors the service reported and
 * (truncated) the response body. Never carries the API token.
 */
public class ActiveCampaignException extends RuntimeCamelException implements HttpResponseAware {

    /** One entry of the {@code errors} array of a 422 or 403 answer. */
    public record ServiceError(String title, String detail, String code, String pointer) {
    }

    private final String operation;
    private final int httpResponseCode;
    private final String httpResponseStatus;
    private final String responseBody;
    private final List<ServiceError> errors;

    public ActiveCampaignException(String message, String operation, int httpResponseCode, String httpResponseStatus,
                                   String responseBody, List<ServiceError> errors) {
        super(message);
        this.operation = operation;
        this.httpResponseCode = httpResponseCode;
        this.httpResponseStatus = httpResponseStatus;
        this.responseBody = responseBody;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ActiveCampaignException(String message, String operation, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.httpResponseCode = 0;
        this.httpResponseStatus = null;
        this.responseBody = null;
        this.errors = List.of();
    }

    /** The operation that failed, e.g. {@code deals/update}. */
    public String getOperation() {
        return operation;
    }

    /** The response body as received, truncated; null when no response arrived. */
    public String getResponseBody() {
        return responseBody;
    }

    /** The {@code errors} of a 422 response, empty otherwise. */
    public List<ServiceError> getErrors() {
        return errors;
    }

    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        throw new UnsupportedOperationException("The response code of an ActiveCampaignException is fixed");
    }

    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        throw new UnsupportedOperationException("The response status of an ActiveCampaignException is fixed");
    }
}
