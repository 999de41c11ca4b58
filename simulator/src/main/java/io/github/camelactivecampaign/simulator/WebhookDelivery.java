// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

/**
 * One webhook delivery the simulator made.
 *
 * @param webhookId the webhook delivered to
 * @param url       the URL posted to
 * @param type      the event, e.g. {@code deal_add}
 * @param form      the form-encoded body sent
 * @param status    the receiver's answer, 0 when it could not be reached
 */
public record WebhookDelivery(String webhookId, String url, String type, String form, int status) {
}
