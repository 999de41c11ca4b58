// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the bulk import ({@code activecampaign:import/bulkImport}): how contacts are batched, the bulk import's
 * own call limits, progress and waiting for the import to complete.
 */
@UriParams
public class ActiveCampaignBulkImportConfiguration {

    /** The service takes at most this many contacts a call. */
    public static final int MAX_BATCH_SIZE = 250;
    /** The service takes payloads under this many bytes. */
    public static final int MAX_PAYLOAD_BYTES = 400_000;

    @UriParam(label = "producer,bulk", defaultValue = "250")
    private int bulkBatchSize = MAX_BATCH_SIZE;
    @UriParam(label = "producer,bulk", defaultValue = "100")
    private int bulkCallsPerWindow = 100;
    @UriParam(label = "producer,bulk", defaultValue = "2")
    private int bulkConcurrency = 2;
    @UriParam(label = "producer,bulk", defaultValue = "20")
    private int bulkSingleCallsPerWindow = 20;
    @UriParam(label = "producer,bulk", defaultValue = "60000")
    private long bulkWindow = 60_000;
    @UriParam(label = "producer,bulk")
    private boolean bulkWaitForCompletion;
    @UriParam(label = "producer,bulk", defaultValue = "600000")
    private long bulkCompletionTimeout = 600_000;
    @UriParam(label = "producer,bulk", defaultValue = "2000")
    private long bulkPollInterval = 2000;
    @UriParam(label = "producer,bulk")
    private String bulkProgressEndpoint;
    @UriParam(label = "producer,bulk", defaultValue = "true")
    private boolean bulkLogProgress = true;
    @UriParam(label = "producer,bulk")
    private boolean bulkExcludeAutomations;
    @UriParam(label = "producer,bulk", defaultValue = "2000")
    private long bulkFlushTimeout = 2000;
    @UriParam(label = "producer,bulk", defaultValue = "1000")
    private int bulkMaxFailuresKept = 1000;

    public int getBulkBatchSize() {
        return bulkBatchSize;
    }

    /**
     * Bulk import: the most contacts sent in one call, 1 to 250 (the service's limit). Batches are also kept under
     * the service's 400,000-byte payload limit.
     */
    public void setBulkBatchSize(int bulkBatchSize) {
        this.bulkBatchSize = bulkBatchSize;
    }

    public int getBulkCallsPerWindow() {
        return bulkCallsPerWindow;
    }

    /**
     * Bulk import: the most calls carrying several contacts per bulkWindow, for the account (the service allows 100
     * a minute). Calls also take their share of the account's rate limit.
     */
    public void setBulkCallsPerWindow(int bulkCallsPerWindow) {
        this.bulkCallsPerWindow = bulkCallsPerWindow;
    }

    public int getBulkConcurrency() {
        return bulkConcurrency;
    }

    /**
     * Bulk import: the most calls in flight at once, 1 to 16, while the next batch fills; the call limits and the
     * account's rate limit still apply. One at a time stays under the limits' pace when a call takes longer than
     * the spacing they allow.
     */
    public void setBulkConcurrency(int bulkConcurrency) {
        this.bulkConcurrency = bulkConcurrency;
    }

    public int getBulkSingleCallsPerWindow() {
        return bulkSingleCallsPerWindow;
    }

    /**
     * Bulk import: the most calls carrying a single contact per bulkWindow, for the account (the service allows 20
     * a minute).
     */
    public void setBulkSingleCallsPerWindow(int bulkSingleCallsPerWindow) {
        this.bulkSingleCallsPerWindow = bulkSingleCallsPerWindow;
    }

    public long getBulkWindow() {
        return bulkWindow;
    }

    /**
     * Bulk import: the window of the call limits, in milliseconds (the service's is a minute).
     */
    public void setBulkWindow(long bulkWindow) {
        this.bulkWindow = bulkWindow;
    }

    public boolean isBulkWaitForCompletion() {
        return bulkWaitForCompletion;
    }

    /**
     * Bulk import: after the last batch, wait until the service has imported every batch (GET /import/info, one
     * call per batch) and add the contacts it rejected while importing to the summary.
     */
    public void setBulkWaitForCompletion(boolean bulkWaitForCompletion) {
        this.bulkWaitForCompletion = bulkWaitForCompletion;
    }

    public long getBulkCompletionTimeout() {
        return bulkCompletionTimeout;
    }

    /**
     * Bulk import with bulkWaitForCompletion: the longest wait for the batches to complete, in milliseconds; the
     * summary then says which were not complete.
     */
    public void setBulkCompletionTimeout(long bulkCompletionTimeout) {
        this.bulkCompletionTimeout = bulkCompletionTimeout;
    }

    public long getBulkPollInterval() {
        return bulkPollInterval;
    }

    /**
     * Bulk import with bulkWaitForCompletion: milliseconds between two looks at a batch that is not complete yet.
     */
    public void setBulkPollInterval(long bulkPollInterval) {
        this.bulkPollInterval = bulkPollInterval;
    }

    public String getBulkProgressEndpoint() {
        return bulkProgressEndpoint;
    }

    /**
     * Bulk import: an endpoint URI (e.g. seda:importProgress) that receives a BulkImportProgress message after each
     * batch and a BulkImportSummary at the end of each import, for a route to consume.
     */
    public void setBulkProgressEndpoint(String bulkProgressEndpoint) {
        this.bulkProgressEndpoint = bulkProgressEndpoint;
    }

    public boolean isBulkLogProgress() {
        return bulkLogProgress;
    }

    /**
     * Bulk import: log a progress line (sent, accepted, failed, rate, ETA) after each batch, at INFO.
     */
    public void setBulkLogProgress(boolean bulkLogProgress) {
        this.bulkLogProgress = bulkLogProgress;
    }

    public boolean isBulkExcludeAutomations() {
        return bulkExcludeAutomations;
    }

    /**
     * Bulk import: set exclude_automations=true on every contact that does not say otherwise: the account's
     * automations do not run for the imported contacts, and the import is faster.
     */
    public void setBulkExcludeAutomations(boolean bulkExcludeAutomations) {
        this.bulkExcludeAutomations = bulkExcludeAutomations;
    }

    public long getBulkFlushTimeout() {
        return bulkFlushTimeout;
    }

    /**
     * Bulk import fed one contact per message: send a batch that is not full once no contact came for this many
     * milliseconds.
     */
    public void setBulkFlushTimeout(long bulkFlushTimeout) {
        this.bulkFlushTimeout = bulkFlushTimeout;
    }

    public int getBulkMaxFailuresKept() {
        return bulkMaxFailuresKept;
    }

    /**
     * Bulk import: the most failed rows the summary lists with their reason (all are counted), so that the memory
     * used stays bounded for any input.
     */
    public void setBulkMaxFailuresKept(int bulkMaxFailuresKept) {
        this.bulkMaxFailuresKept = bulkMaxFailuresKept;
    }

    /** Checks the options; the message names the option and its range. */
    public void validate() {
        if (bulkBatchSize < 1 || bulkBatchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("bulkBatchSize must be between 1 and " + MAX_BATCH_SIZE
                                               + " (the service's limit per call), was " + bulkBatchSize);
        }
        if (bulkCallsPerWindow < 1 || bulkSingleCallsPerWindow < 1 || bulkWindow < 1) {
            throw new IllegalArgumentException("bulkCallsPerWindow, bulkSingleCallsPerWindow and bulkWindow must be 1 "
                                               + "or more (the service allows 100 and 20 calls per 60000 ms)");
        }
        if (bulkConcurrency < 1 || bulkConcurrency > 16) {
            throw new IllegalArgumentException("bulkConcurrency must be between 1 and 16, was " + bulkConcurrency);
        }
        if (bulkPollInterval < 1 || bulkCompletionTimeout < 0 || bulkFlushTimeout < 1 || bulkMaxFailuresKept < 0) {
            throw new IllegalArgumentException("bulkPollInterval and bulkFlushTimeout must be 1 or more, "
                                               + "bulkCompletionTimeout and bulkMaxFailuresKept 0 or more");
        }
    }
}
