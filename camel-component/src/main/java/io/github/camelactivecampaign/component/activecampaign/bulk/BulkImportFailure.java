// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.io.Serializable;

/**
 * A contact that was not imported.
 *
 * @param row    the contact's position in the input (0 for the first), or -1 when only the service knows it
 * @param email  the contact's email, as given
 * @param reason why: the service's words, or what the component found before sending
 */
public record BulkImportFailure(long row, String email, String reason) implements Serializable {
}
