// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.kamelets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * The "YAML DSL compact notation detected" warnings Camel logs while loading a YAML file. Camel warns only about
 * files outside jars, so the source files are loaded, not the packaged ones.
 */
final class CompactNotationWarnings {

    private CompactNotationWarnings() {
    }

    static List<String> whileLoading(Path file) throws Exception {
        List<String> warnings = new ArrayList<>();
        AbstractAppender appender = new AbstractAppender("compact-notation", null, null, false, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String message = event.getMessage().getFormattedMessage();
                if (event.getLevel().isMoreSpecificThan(Level.WARN) && message.contains("compact notation")) {
                    warnings.add(message);
                }
            }
        };
        appender.start();
        Logger root = (Logger) LogManager.getRootLogger();
        root.addAppender(appender);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveResource(context, "file:" + file.toAbsolutePath()));
        } finally {
            root.removeAppender(appender);
            appender.stop();
        }
        return warnings;
    }
}
