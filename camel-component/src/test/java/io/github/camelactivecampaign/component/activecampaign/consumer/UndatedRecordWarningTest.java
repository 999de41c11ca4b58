// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record without the date its feed orders by is reported once, not at every poll that sees it again.
 */
class UndatedRecordWarningTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;
    private LoggerConfig feedLogger;

    @BeforeEach
    void captureTheFeedsWarnings() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("undated", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel() == Level.WARN) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        feedLogger = new LoggerConfig(ActiveCampaignFeed.class.getName(), Level.INFO, false);
        feedLogger.addAppender(appender, Level.INFO, null);
        loggers.getConfiguration().addLogger(feedLogger.getName(), feedLogger);
        loggers.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        loggers.getConfiguration().removeLogger(feedLogger.getName());
        loggers.updateLoggers();
        appender.stop();
    }

    @Test
    void eachUndatedOrUnreadableRecordIsReportedOnce() {
        UpdatedRecordsFeed deals = UpdatedRecordsFeed.deals();
        ZoneId zone = ZoneId.of("UTC");
        for (int poll = 0; poll < 3; poll++) {
            assertThat(deals.time(Map.of("title", "no dates"), "7", zone)).isNull();
            assertThat(deals.time(Map.of("mdate", "yesterday"), "8", zone)).isNull();
        }
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("deals/list record 7 has no date");
        assertThat(warnings.get(1)).contains("record 8 has an unreadable date 'yesterday'");
    }
}
