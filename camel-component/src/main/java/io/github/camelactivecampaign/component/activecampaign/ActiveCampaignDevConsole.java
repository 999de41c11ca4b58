// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * The {@code activecampaign} dev console (camel-console): per account, its request budget (where it lives, the rate,
 * permits used, waits, refusals, 429 pauses, the pause in force) and whether its token is accepted; per consumer,
 * its feed, cursor, last poll, records delivered and leadership. The same figures are JMX attributes.
 */
@DevConsole(name = "activecampaign", displayName = "ActiveCampaign",
            description = "Request budgets of ActiveCampaign accounts and the state of ActiveCampaign consumers")
public class ActiveCampaignDevConsole extends AbstractDevConsole {

    public ActiveCampaignDevConsole() {
        super("camel", "activecampaign", "ActiveCampaign",
              "Request budgets of ActiveCampaign accounts and the state of ActiveCampaign consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (ActiveCampaignAccount account : accounts()) {
            text.append(String.format("Account: %s%n", account.getBaseUrl()));
            text.append(String.format("    Budget: %s, %.2f requests/s%n", account.getBackend(),
                    account.getPermitsPerSecond()));
            text.append(String.format("    Permits used: %d, waits: %d (%d ms), refused: %d%n",
                    account.getPermitsUsed(), account.getWaits(), account.getWaitedMillis(), account.getRefused()));
            text.append(String.format("    429s: %d, Retry-After pauses: %d, pause now: %d ms%n",
                    account.getTooManyRequests(), account.getRetryAfterPauses(), account.getPauseRemainingMillis()));
            text.append(String.format("    Token: %s%n", account.getTokenCheck()));
        }
        for (ActiveCampaignConsumer consumer : consumers()) {
            text.append(String.format("Consumer: %s (%s)%n", consumer.getRouteId(), consumer.getFeed()));
            text.append(String.format("    Leadership: %s%n", consumer.getLeadership()));
            text.append(String.format("    Cursor: %s%n", consumer.getCursor()));
            text.append(String.format("    Last poll: %s, records delivered: %d%n", consumer.getLastPollTime(),
                    consumer.getRecordsDelivered()));
        }
        return text.length() == 0 ? "No ActiveCampaign account or consumer in use\n" : text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<Map<String, Object>> accounts = new ArrayList<>();
        accounts().forEach(account -> accounts.add(account.toMap()));
        List<Map<String, Object>> consumers = new ArrayList<>();
        for (ActiveCampaignConsumer consumer : consumers()) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("routeId", consumer.getRouteId());
            figures.put("feed", consumer.getFeed());
            figures.put("leadership", consumer.getLeadership());
            figures.put("cursorKey", consumer.getCursorKey());
            figures.put("cursor", consumer.getCursor());
            figures.put("lastPollTime", consumer.getLastPollTime());
            figures.put("recordsDelivered", consumer.getRecordsDelivered());
            consumers.add(figures);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("accounts", accounts);
        root.put("consumers", consumers);
        return root;
    }

    private List<ActiveCampaignAccount> accounts() {
        List<ActiveCampaignAccount> accounts = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof ActiveCampaignComponent activeCampaign) {
                accounts.addAll(activeCampaign.getAccounts());
            }
        }
        return accounts;
    }

    private List<ActiveCampaignConsumer> consumers() {
        List<ActiveCampaignConsumer> consumers = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof ActiveCampaignConsumer consumer) {
                consumers.add(consumer);
            }
        }
        return consumers;
    }
}
