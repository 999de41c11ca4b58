// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's requests as the service counts them, on a clock the test moves: at most five within a second of
 * when the service counted them, an answer that took longer than usual counting from later.
 */
class ServiceWindowTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long WINDOW = TimeUnit.SECONDS.toNanos(1) + ServiceWindow.SLACK_NANOS;

    private long now = TimeUnit.HOURS.toNanos(1);
    private final ServiceWindow window = new ServiceWindow(5, () -> now);

    @Test
    void fiveRequestsAWindowAtTheServicesLimit() throws Exception {
        assertThat(window.size()).isEqualTo(5);
        assertThat(window.windowNanos()).isEqualTo(WINDOW);
        assertThat(new ServiceWindow(0.5, () -> now).windowNanos())
                .as("below one a second: one request per 2 s").isEqualTo(2 * TimeUnit.SECONDS.toNanos(1)
                                                                         + ServiceWindow.SLACK_NANOS);
        assertThat(new ServiceWindow(1000, () -> now).size()).isEqualTo(ServiceWindow.MAX_SIZE);
    }

    @Test
    void anUnansweredRequestHoldsItsPlaceHoweverOld() throws Exception {
        List<ServiceWindow.Request> requests = admitFive("deals/get");
        assertThat(window.admit("deals/get", 0)).as("a sixth one").isNull();
        now += 10 * WINDOW;
        assertThat(window.admit("deals/get", 0)).as("the service may still be counting them").isNull();
        window.answered(requests.get(0));
        now += WINDOW;
        assertThat(window.admit("deals/get", 0)).isNotNull();
    }

    @Test
    void aRequestAnsweredAsQuicklyAsUsualCountsFromWhenItWasSent() throws Exception {
        learnUsual("deals/get", MS);
        long sent = now;
        for (ServiceWindow.Request request : admitFive("deals/get")) {
            now = sent + MS;
            window.answered(request);
        }
        now = sent + WINDOW - 1;
        assertThat(window.admit("deals/get", 0)).isNull();
        now = sent + WINDOW;
        assertThat(window.admit("deals/get", 0)).isNotNull();
    }

    @Test
    void aSlowAnswerCountsFromLaterBySoMuchLongerThanUsual() throws Exception {
        learnUsual("deals/get", MS);
        long sent = now;
        List<ServiceWindow.Request> requests = admitFive("deals/get");
        now = sent + MS;
        requests.subList(1, 5).forEach(window::answered);
        now = sent + 101 * MS; // 100 ms longer than usual: it may have waited before the counter
        window.answered(requests.get(0));
        now = sent + WINDOW;
        for (int i = 0; i < 4; i++) {
            assertThat(window.admit("deals/get", 0)).as("the four answered as usual have left").isNotNull();
        }
        assertThat(window.admit("deals/get", 0)).as("the slow one is still counted").isNull();
        now = sent + 100 * MS + WINDOW;
        assertThat(window.admit("deals/get", 0)).isNotNull();
    }

    @Test
    void untilAnOperationsUsualAnswerIsKnownARequestCountsFromItsAnswer() throws Exception {
        learnUsual("deals/get", MS);
        long sent = now;
        List<ServiceWindow.Request> requests = admitFive("contacts/list");
        now = sent + 30 * MS;
        requests.forEach(window::answered);
        now = sent + WINDOW;
        assertThat(window.admit("contacts/list", 0)).as("another operation's answers say nothing").isNull();
        now = sent + 30 * MS + WINDOW;
        assertThat(window.admit("contacts/list", 0)).isNotNull();
    }

    @Test
    void waitsForRoomWithinTheMaximumWaitOnly() throws Exception {
        learnUsual("deals/get", MS);
        long sent = now;
        for (ServiceWindow.Request request : admitFive("deals/get")) {
            window.answered(request);
        }
        assertThat(window.admit("deals/get", WINDOW - 10 * MS)).as("room only in a second").isNull();
        now = sent + WINDOW;
        assertThat(window.admit("deals/get", WINDOW)).isNotNull();
    }

    /** Requests of the operation answered this quickly, then out of the window. */
    private void learnUsual(String operation, long latency) throws Exception {
        for (int i = 0; i < 8; i++) {
            ServiceWindow.Request request = window.admit(operation, 0);
            now += latency;
            window.answered(request);
            now += WINDOW;
        }
    }

    private List<ServiceWindow.Request> admitFive(String operation) throws Exception {
        List<ServiceWindow.Request> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ServiceWindow.Request request = window.admit(operation, 0);
            assertThat(request).as("request %d of the window", i + 1).isNotNull();
            requests.add(request);
        }
        return requests;
    }
}
