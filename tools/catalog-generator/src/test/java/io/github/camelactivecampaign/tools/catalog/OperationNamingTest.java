// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The naming rules and corrections, on a small description written for the purpose.
 */
class OperationNamingTest {

    private static final String SPEC = """
            openapi: 3.0.3
            paths:
              /deals:
                get:
                  responses:
                    '200':
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              deals: { type: array }
                              meta: { type: object }
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/DealRequest' }
                  responses: { '201': { description: created } }
              /deals/{id}:
                put:
                  parameters: [ { name: id, in: path, required: true, schema: { type: integer } } ]
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/DealRequest' }
                  responses: { '200': { description: ok } }
              /deals/{id}/notes/{noteid}:
                put:
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                    - { name: noteid, in: path, required: true, schema: { type: string } }
                  responses: { '200': { description: ok } }
              /taskOutccomes/{id}:
                delete:
                  parameters: [ { name: id, in: path, required: true } ]
                  responses: { '200': { description: ok } }
              /groupMembers/{groupID} (COPY):
                get:
                  parameters: [ { name: groupID, in: path, required: true } ]
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object }
                  responses: { '200': { description: ok } }
              /accounts/bulk_delete:
                delete:
                  parameters: [ { name: '[]ids', in: query, required: true } ]
                  responses: { '200': { description: ok } }
              /users/email/{email}:
                get:
                  parameters: [ { name: email, in: path, required: true } ]
                  responses: { '200': { description: ok } }
              /event:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { key: { type: string }, event: { type: string } } }
                  responses: { '200': { description: ok } }
              /lists:
                get:
                  parameters:
                    - { name: 'filters[name]', in: query }
                    - { name: 'filters[name][<operator>]', in: query }
                  responses: { '200': { description: ok } }
            components:
              schemas:
                DealRequest:
                  type: object
                  properties:
                    deal:
                      properties:
                        title: { type: string }
            """;

    private static Map<String, CatalogOperation> generate() throws Exception {
        List<SpecOperation> spec = SpecReader.read(SPEC);
        SpecCorrections.apply(spec);
        return CatalogBuilder.build(spec).stream()
                .collect(Collectors.toMap(o -> o.method() + " " + o.path(), Function.identity()));
    }

    @Test
    void namesFollowTheDocumentedRules() throws Exception {
        Map<String, CatalogOperation> operations = generate();
        assertThat(operations.get("GET /deals").name()).isEqualTo("deals/list");
        assertThat(operations.get("POST /deals").name()).isEqualTo("deals/create");
        assertThat(operations.get("PUT /deals/{id}").name()).isEqualTo("deals/update");
        assertThat(operations.get("PUT /deals/{id}/notes/{noteId}").name()).isEqualTo("deals/updateNote");
        assertThat(operations.get("DELETE /accounts/bulk_delete").name()).isEqualTo("accounts/bulkDelete");
        assertThat(operations.get("GET /users/email/{email}").name()).isEqualTo("users/getByEmail");
        assertThat(operations.get("POST /event").name()).isEqualTo("eventTracking/track");
    }

    @Test
    void envelopesAndListsAreDerivedFromTheSchemas() throws Exception {
        Map<String, CatalogOperation> operations = generate();
        assertThat(operations.get("POST /deals").bodyKey()).isEqualTo("deal");
        assertThat(operations.get("GET /deals").list()).isTrue();
        assertThat(operations.get("GET /deals").resultKey()).isEqualTo("deals");
        assertThat(operations.get("GET /deals").queryParams()).extracting(CatalogParameter::name)
                .containsExactly("limit", "offset");
    }

    @Test
    void correctionsAreAppliedAndRecorded() throws Exception {
        Map<String, CatalogOperation> operations = generate();
        assertThat(operations).containsKeys("DELETE /taskOutcomes/{id}", "GET /groupMembers/{groupId}");
        CatalogOperation group = operations.get("GET /groupMembers/{groupId}");
        assertThat(group.bodyType()).as("a GET takes no body").isNull();
        assertThat(group.corrections()).anyMatch(c -> c.contains("(COPY)"));
        assertThat(operations.get("DELETE /accounts/bulk_delete").queryParams()).extracting(CatalogParameter::name)
                .containsExactly("ids[]");
        assertThat(operations.get("GET /lists").queryParams()).extracting(CatalogParameter::name)
                .doesNotContain("filters[name][<operator>]").contains("filters[name]");
        CatalogOperation event = operations.get("POST /event");
        assertThat(event.host()).isEqualTo("tracking");
        assertThat(event.bodyType()).isEqualTo("form");
        assertThat(operations.get("PUT /deals/{id}/notes/{noteId}").pathParams())
                .extracting(CatalogParameter::option).containsExactly("id", "noteId");
        assertThat(operations.get("PUT /deals/{id}/notes/{noteId}").pathParams().get(1).header())
                .isEqualTo("CamelActiveCampaignNoteId");
    }

    @Test
    void twoOperationsWithOneNameAreRefused() throws Exception {
        String clash = """
                openapi: 3.0.3
                paths:
                  /things/do_it:
                    post: { responses: { '200': { description: ok } } }
                  /things/doIt:
                    post: { responses: { '200': { description: ok } } }
                """;
        List<SpecOperation> spec = SpecReader.read(clash);
        SpecCorrections.apply(spec);
        assertThatThrownBy(() -> CatalogBuilder.build(spec)).hasMessageContaining("things/doIt")
                .hasMessageContaining("METHOD_NAMES");
    }
}
