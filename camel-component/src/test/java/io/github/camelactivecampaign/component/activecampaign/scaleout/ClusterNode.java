// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignException;
import io.github.camelactivecampaign.component.activecampaign.consumer.JdbcCursorStateRepository;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * One replica of the application of {@link ClusterFailoverTest}, in a JVM of its own: producers under load on the
 * account (every contact they create adds an activity), and the activities consumer under Camel's cluster policy
 * (a file lock shared by the replicas), the account's budget and the consumer's cursor in PostgreSQL. It writes
 * what happens to its log, one line per event: {@code READY}, {@code P <millis>} per poll, {@code D <id>} per
 * activity delivered, {@code F <status> <message>} per failed request of a producer.
 * <p>
 * Arguments: baseUrl token jdbcUrl jdbcUser jdbcPassword clusterRoot log stopFile rate producers name
 */
public final class ClusterNode {

    static final String NAMESPACE = "activecampaign-activities";

    private final FileChannel log;

    private ClusterNode(Path log) throws IOException {
        this.log = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String token = args[1];
        Path clusterRoot = Path.of(args[5]);
        Path stopFile = Path.of(args[7]);
        double rate = Double.parseDouble(args[8]);
        int producers = Integer.parseInt(args[9]);
        ClusterNode node = new ClusterNode(Path.of(args[6]));

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(args[2]);
        pool.setUsername(args[3]);
        pool.setPassword(args[4]);
        pool.setMaximumPoolSize(producers + 4);
        HikariDataSource dataSource = new HikariDataSource(pool);

        DefaultCamelContext context = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(clusterRoot.toString());
        cluster.setAcquireLockDelay(200, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(300, TimeUnit.MILLISECONDS);
        context.addService(cluster);

        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setApiKey(token);
        component.getConfiguration().setRateLimit(rate);
        component.setRateLimitBackend("postgresql");
        component.setRateLimitDataSource(dataSource);
        component.getConfiguration().setStateRepository(new JdbcCursorStateRepository(dataSource));
        context.addComponent("activecampaign", component);
        context.getRegistry().bind("pollLog", node.pollLog());

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("activecampaign:activities?startFrom=beginning&delay=250&pollStrategy=#pollLog")
                        .routeId("activities")
                        .routePolicy(ClusteredRoutePolicy.forNamespace(NAMESPACE))
                        .process(e -> node.write("D " + e.getMessage().getHeader(ActiveCampaignConstants.POLLED_ID)));
            }
        });
        context.start();
        node.write("READY");

        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService load = Executors.newFixedThreadPool(producers);
        AtomicLong counter = new AtomicLong();
        String name = args[10];
        for (int i = 0; i < producers; i++) {
            load.execute(() -> {
                while (!Files.exists(stopFile)) {
                    long n = counter.incrementAndGet();
                    Exchange exchange = n % 4 == 0
                            ? template.request("activecampaign:contacts/list?limit=5", e -> { })
                            : template.request("activecampaign:contacts/create", e -> e.getMessage().setBody(Map.of(
                                    "contact", Map.of("email", name + "-" + n + "@example.com"))));
                    Exception failure = exchange.getException();
                    if (failure != null) {
                        int status = failure instanceof ActiveCampaignException ace ? ace.getHttpResponseCode() : 0;
                        node.write("F " + status + " " + failure.getMessage().replace('\n', ' '));
                    }
                }
            });
        }
        load.shutdown();
        load.awaitTermination(1, TimeUnit.HOURS);
        node.write("STOPPED-LOAD");
        Thread.currentThread().join();
    }

    /** Logs each poll once it completed: the test measures when a new leader polls. */
    private PollingConsumerPollStrategy pollLog() {
        return new PollingConsumerPollStrategy() {
            @Override
            public boolean begin(Consumer consumer, Endpoint endpoint) {
                return true;
            }

            @Override
            public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
                write("P " + System.currentTimeMillis());
            }

            @Override
            public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
                write("X " + cause.getMessage().replace('\n', ' '));
                return false;
            }
        };
    }

    /** One line in one write: a kill never leaves half a line that a later line would continue. */
    private synchronized void write(String line) {
        try {
            log.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
