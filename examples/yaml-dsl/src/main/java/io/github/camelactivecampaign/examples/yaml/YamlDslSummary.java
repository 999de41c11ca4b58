// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the YAML routes did, counted by their bean steps ("summary") and printed at the end.
 */
public class YamlDslSummary {

    private final AtomicInteger synced = new AtomicInteger();
    private final AtomicInteger deals = new AtomicInteger();
    private final List<String> listed = Collections.synchronizedList(new ArrayList<>());

    public void contactSynced() {
        synced.incrementAndGet();
    }

    public void dealOpened() {
        deals.incrementAndGet();
    }

    /** A contact of contacts/list: its email. */
    public void contactListed(Map<String, Object> contact) {
        listed.add(String.valueOf(contact.get("email")));
    }

    public int synced() {
        return synced.get();
    }

    public int deals() {
        return deals.get();
    }

    public List<String> listed() {
        return List.copyOf(listed);
    }

    public String render(String target) {
        return String.join(System.lineSeparator(),
                "=== ActiveCampaign YAML DSL example: " + target + " ===",
                "contacts synced (contacts/sync)          : " + synced(),
                "deals opened (deals/create)              : " + deals(),
                "contacts listed (2 a page)               : " + listed.size() + " " + listed());
    }
}
