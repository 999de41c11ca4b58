// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line (message and stack trace) at every level while it is open, for tests that check what the
 * component writes. The HTTP library's header and wire loggers and the test servers' own loggers stay at INFO: they
 * are not the component's.
 */
public final class LogCapture implements AutoCloseable {

    private static final String[] LIBRARIES = { "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire",
                                                "org.eclipse.jetty", "wiremock", "org.wiremock",
                                                "com.github.tomakehurst" };

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final Level rootLevel;
    private final String name = "capture-" + System.identityHashCode(this);
    /** The root logger's own appenders, set aside while capturing. */
    private final Map<String, Appender> silenced = new HashMap<>();
    /** The library loggers this capture added, to remove again. */
    private final List<String> added = new ArrayList<>();

    private LogCapture() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = loggers.getConfiguration();
        appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getLevel())
                        .append(' ').append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    text.append('\n').append(trace);
                }
                lines.add(text.toString());
            }
        };
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig root = configuration.getRootLogger();
        rootLevel = root.getLevel();
        // the console would print every TRACE line: it is set aside while capturing
        silenced.putAll(root.getAppenders());
        silenced.keySet().forEach(root::removeAppender);
        root.addAppender(appender, Level.TRACE, null);
        root.setLevel(Level.TRACE);
        for (String library : LIBRARIES) {
            if (!configuration.getLoggers().containsKey(library)) {
                configuration.addLogger(library, new LoggerConfig(library, Level.INFO, true));
                added.add(library);
            }
        }
        loggers.updateLoggers();
    }

    /** Starts capturing everything. */
    public static LogCapture everything() {
        return new LogCapture();
    }

    /** Every line captured so far: logger, level, message and stack trace. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = loggers.getConfiguration();
        LoggerConfig root = configuration.getRootLogger();
        root.removeAppender(name);
        silenced.values().forEach(console -> root.addAppender(console, null, null));
        root.setLevel(rootLevel);
        added.forEach(configuration::removeLogger);
        loggers.updateLoggers();
        appender.stop();
    }
}
