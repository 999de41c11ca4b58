// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries, 429 pauses and refusals show at INFO/WARN, at most one line a second per kind, the next line counting
 * what was left out.
 */
class OccurrenceLogTest {

    private static final String LOGGER = "io.github.camelactivecampaign.test.OccurrenceLog";
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private AbstractAppender appender;

    @BeforeEach
    void capture() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("occurrences", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerConfig config = new LoggerConfig(LOGGER, Level.INFO, false);
        config.addAppender(appender, Level.INFO, null);
        loggers.getConfiguration().addLogger(LOGGER, config);
        loggers.updateLoggers();
    }

    @AfterEach
    void release() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        loggers.getConfiguration().removeLogger(LOGGER);
        loggers.updateLoggers();
        appender.stop();
    }

    @Test
    void oneLineASecondPerKindAndTheNextCountsTheRest() {
        OccurrenceLog log = new OccurrenceLog(LoggerFactory.getLogger(LOGGER), now::get);
        log.warn("429", "paused");
        log.warn("429", "paused");
        log.warn("429", "paused");
        log.info("retry-io", "retrying");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
        log.warn("429", "paused again");
        assertThat(lines).containsExactly("WARN paused", "INFO retrying",
                "WARN paused again (2 more since the last line like this)");
    }
}
