// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding operations: by name, by resource, the closest names to a misspelled one (edit distance), and the example
 * URI each error message shows.
 */
class CatalogLookupTest {

    private final ActiveCampaignCatalog catalog = ActiveCampaignCatalog.getInstance();

    @Test
    void editDistance() {
        assertThat(ActiveCampaignCatalog.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ActiveCampaignCatalog.distance("", "abc")).isEqualTo(3);
        assertThat(ActiveCampaignCatalog.distance("abc", "")).isEqualTo(3);
        assertThat(ActiveCampaignCatalog.distance("abc", "abc")).isZero();
        assertThat(ActiveCampaignCatalog.distance("abc", "abd")).isEqualTo(1);
        assertThat(ActiveCampaignCatalog.distance("ab", "ba")).isEqualTo(2);
        assertThat(ActiveCampaignCatalog.distance("deals/updat", "deals/update")).isEqualTo(1);
        assertThat(ActiveCampaignCatalog.distance("flaw", "lawn")).isEqualTo(2);
    }

    @Test
    void suggestionsAreTheClosestFirstThenByName() {
        assertThat(catalog.suggestions("deals/updat", 2)).containsExactly("deals/update", "deals/create");
        assertThat(catalog.suggestions("DEALS/GET", 1)).containsExactly("deals/get");
        assertThat(catalog.suggestions("x", 4)).hasSize(4);
    }

    @Test
    void resourceHoldsItsOwnOperationsOnly() {
        List<ActiveCampaignOperation> deals = catalog.resource("deals");
        assertThat(deals).isNotEmpty().allMatch(o -> o.apiName().equals("deals"))
                .extracting(ActiveCampaignOperation::name).contains("deals/get", "deals/list", "deals/update");
        assertThat(catalog.resource("nothing")).isEmpty();
        assertThat(catalog.find("deals/nope")).isEmpty();
    }

    @Test
    void operationsAreReadWithEveryField() {
        ActiveCampaignOperation update = catalog.find("deals/update").orElseThrow();
        assertThat(update.method()).isEqualTo("PUT");
        assertThat(update.path()).isEqualTo("/deals/{id}");
        assertThat(update.bodyKey()).isEqualTo("deal");
        assertThat(update.bodyType()).isEqualTo("object");
        assertThat(update.resultKey()).isEqualTo("deal");
        assertThat(update.list()).isFalse();
        assertThat(update.hasBody()).isTrue();
        assertThat(update.isTracking()).isFalse();
        assertThat(update.pathParams()).singleElement().satisfies(id -> {
            assertThat(id.required()).isTrue();
            assertThat(id.isInteger()).isTrue();
            assertThat(id.isArray()).isFalse();
            assertThat(id.header()).isEqualTo("CamelActiveCampaignId");
        });
        ActiveCampaignOperation get = catalog.find("deals/get").orElseThrow();
        assertThat(get.bodyKey()).isNull();
        assertThat(get.hasBody()).isFalse();
        assertThat(catalog.find("deals/list").orElseThrow().list()).isTrue();
        assertThat(catalog.find("eventTracking/track").orElseThrow().isTracking()).isTrue();
        assertThat(catalog.find("accounts/bulkDelete").orElseThrow().parameter("ids[]").orElseThrow().isArray())
                .isTrue();
    }

    @Test
    void parameterByOptionIgnoringCaseOrByWireName() {
        ActiveCampaignOperation list = catalog.find("deals/list").orElseThrow();
        assertThat(list.parameter("FILTERSTITLE")).map(ActiveCampaignParameter::name).contains("filters[title]");
        assertThat(list.parameter("filters[title]")).map(ActiveCampaignParameter::option).contains("filtersTitle");
        assertThat(list.parameter("FILTERS[TITLE]")).isEmpty();
    }

    @Test
    void exampleUriSetsEveryRequiredParameter() {
        assertThat(catalog.find("deals/update").orElseThrow().exampleUri()).isEqualTo("activecampaign:deals/update?id=42");
        assertThat(catalog.find("deals/list").orElseThrow().exampleUri()).isEqualTo("activecampaign:deals/list");
        assertThat(catalog.find("eventTrackingEvents/delete").orElseThrow().exampleUri())
                .isEqualTo("activecampaign:eventTrackingEvents/delete?eventName=value");
        assertThat(catalog.find("accounts/updateNote").orElseThrow().exampleUri())
                .isEqualTo("activecampaign:accounts/updateNote?id=42&noteId=42");
    }
}
