// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.api.ActiveCampaignApis;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped catalog: every operation of the v3 description, unique names, the spec's defects corrected, and
 * the Camel metadata generated from it.
 */
class OperationCatalogTest {

    private final ActiveCampaignCatalog catalog = ActiveCampaignCatalog.getInstance();

    @Test
    void holdsAll256OperationsOfTheDescriptionAndTheUnlistedOnesWithUniqueNames() {
        List<String> names = catalog.operations().stream().map(ActiveCampaignOperation::name).toList();
        // the description's 256 and the 3 real accounts serve that it omits (SpecCorrections)
        assertThat(names).hasSize(259).doesNotHaveDuplicates()
                .contains("contacts/contactTags", "contactTags/list", "contactLists/list");
        assertThat(names).allMatch(n -> n.matches("[a-z][A-Za-z]*/[a-z][A-Za-z]*"), "resource/operation in camelCase");
        Set<String> served = catalog.operations().stream().map(o -> o.method() + " " + o.path())
                .collect(Collectors.toSet());
        assertThat(served).as("no two operations serve the same method and path").hasSize(259);
    }

    @Test
    void namesTheOperationsTheWayTheDocsPromise() {
        assertThat(catalog.find("deals/update")).get().satisfies(o -> {
            assertThat(o.method()).isEqualTo("PUT");
            assertThat(o.path()).isEqualTo("/deals/{id}");
            assertThat(o.bodyKey()).isEqualTo("deal");
        });
        assertThat(catalog.find("deals/createNote")).get().extracting(ActiveCampaignOperation::path)
                .isEqualTo("/deals/{id}/notes");
        assertThat(catalog.find("deals/updateNote")).get().extracting(ActiveCampaignOperation::path)
                .isEqualTo("/deals/{id}/notes/{noteId}");
        assertThat(catalog.find("contacts/trackingLogs")).get().extracting(ActiveCampaignOperation::list)
                .isEqualTo(true);
        assertThat(catalog.find("accountCustomFieldData/bulkCreate")).get()
                .extracting(ActiveCampaignOperation::bodyType).isEqualTo("array");
        assertThat(catalog.find("contacts/sync")).get().extracting(ActiveCampaignOperation::path)
                .isEqualTo("/contact/sync");
    }

    @Test
    void correctsTheKnownDefectsOfTheDescription() {
        Set<String> paths = catalog.operations().stream().map(ActiveCampaignOperation::path).collect(Collectors.toSet());
        assertThat(paths).noneMatch(p -> p.contains("(COPY)") || p.contains("Outccomes") || p.contains("schemdId"));
        assertThat(catalog.find("groupMembers/get")).get().extracting(ActiveCampaignOperation::path)
                .isEqualTo("/groupMembers/{groupId}");
        assertThat(catalog.find("taskOutcomes/update")).get().extracting(ActiveCampaignOperation::path)
                .isEqualTo("/taskOutcomes/{id}");
        assertThat(catalog.find("customObjectRecords/getByExternalId")).get().extracting(ActiveCampaignOperation::path)
                .isEqualTo("/customObjects/records/{schemaId}/external/{externalId}");
        assertThat(catalog.find("accounts/bulkDelete")).get()
                .satisfies(o -> assertThat(o.parameter("ids[]")).isPresent());
        assertThat(catalog.find("dealTasks/list")).get()
                .satisfies(o -> assertThat(o.parameter("filters[due_before]")).isPresent());
        assertThat(catalog.operations()).allSatisfy(o -> assertThat(o.parameters())
                .noneMatch(p -> p.name().contains("<") || p.name().equals("api_key") || p.name().contains("=")));
        assertThat(catalog.find("eventTracking/track")).get().satisfies(o -> {
            assertThat(o.host()).isEqualTo("tracking");
            assertThat(o.bodyType()).isEqualTo("form");
        });
    }

    @Test
    void everyListOperationTakesLimitAndOffset() {
        List<ActiveCampaignOperation> lists = catalog.operations().stream().filter(ActiveCampaignOperation::list)
                .toList();
        assertThat(lists).hasSizeGreaterThan(60);
        assertThat(lists).allSatisfy(o -> {
            assertThat(o.parameter("limit")).as(o.name()).isPresent();
            assertThat(o.parameter("offset")).as(o.name()).isPresent();
            assertThat(o.resultKey()).as(o.name()).isNotNull();
        });
    }

    @Test
    void everyResourceHasItsGeneratedConfiguration() {
        Set<String> resources = catalog.operations().stream().map(ActiveCampaignOperation::apiName)
                .collect(Collectors.toSet());
        assertThat(new HashSet<>(Arrays.asList(ActiveCampaignApis.NAMES.split(",")))).isEqualTo(resources);
        assertThat(resources).allSatisfy(r -> assertThat(ActiveCampaignApis.newConfiguration(r)).isNotNull());
    }

    @Test
    void componentMetadataDescribesTheOperationsAndTheirParameters() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/github/camelactivecampaign/component/activecampaign/activecampaign.json")) {
            JsonNode json = new ObjectMapper().readTree(in);
            assertThat(json.path("component").path("api").asBoolean()).isTrue();
            JsonNode deals = json.path("apis").path("deals").path("methods");
            assertThat(deals.has("update")).isTrue();
            assertThat(json.path("apiProperties").path("deals").path("methods").path("update").path("properties")
                    .has("id")).isTrue();
            assertThat(json.path("apiProperties").path("contacts").path("methods").path("list").path("properties")
                    .has("filtersUpdatedAfter")).isTrue();
            assertThat(json.path("properties").path("apiKey").path("secret").asBoolean()).isTrue();
            assertThat(json.path("headers").has("CamelActiveCampaignFiltersUpdatedAfter")).isTrue();
            int methods = 0;
            for (JsonNode api : json.path("apis")) {
                methods += api.path("methods").size();
            }
            // every operation, those without parameters too (they take the common inBody)
            assertThat(methods).isEqualTo(catalog.operations().size());
        }
    }
}
