// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The consumer a kill test kills: a JVM of its own polling the activities of contact 1 with its cursor in a
 * {@link FileCursorStateRepository}, appending the id of every record it receives to a delivery log (forced to disk
 * before the exchange completes, so before the consumer commits its cursor). Runs until killed, or exits after
 * {@link #MAX_LIFE_MILLIS} so that a crashed test cannot leave it behind.
 * <p>
 * Arguments: simulator base URL, token, cursor file, delivery log.
 */
public final class CursorConsumerChild {

    static final String STARTED = "cursor-consumer-child started";
    static final long MAX_LIFE_MILLIS = 120_000;

    private CursorConsumerChild() {
    }

    /** The consumer's endpoint; delay is short so that a kill finds it in the middle of deliveries. */
    static String activitiesUri(String baseUrl, String token, String repository) {
        return "activecampaign:activities?contactId=1&startFrom=beginning&stateRepository=#" + repository
               + "&initialDelay=0&delay=20&baseUrl=" + baseUrl + "&apiKey=RAW(" + token + ")"
               + "&rateLimit=1000&consumerShare=1&accountTimeZone=America/Chicago";
    }

    /** The id of the activity an exchange carries. */
    static String recordId(Exchange exchange) {
        return String.valueOf(exchange.getMessage().getBody(Map.class).get("id"));
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String token = args[1];
        Path cursorFile = Path.of(args[2]);
        Path deliveryLog = Path.of(args[3]);
        try (FileChannel deliveries = FileChannel.open(deliveryLog, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            CamelContext context = new DefaultCamelContext();
            context.getRegistry().bind("cursors", new FileCursorStateRepository(cursorFile));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(activitiesUri(baseUrl, token, "cursors"))
                            .routeId("activities")
                            .process(exchange -> append(deliveries, recordId(exchange)));
                }
            });
            context.start();
            System.out.println(STARTED);
            System.out.flush();
            Thread.sleep(MAX_LIFE_MILLIS);
            System.err.println("cursor-consumer-child was not killed within " + MAX_LIFE_MILLIS + " ms; exiting");
            context.stop();
        }
        System.exit(1);
    }

    private static synchronized void append(FileChannel log, String id) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            log.write(line);
        }
        log.force(false);
    }
}
