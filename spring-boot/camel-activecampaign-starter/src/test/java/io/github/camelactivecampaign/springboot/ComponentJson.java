// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * The component JSON of the camel-activecampaign jar on the test class path, found the way Camel tooling finds it.
 */
final class ComponentJson {

    private ComponentJson() {
    }

    static ComponentModel activeCampaign() {
        ClassLoader loader = ComponentJson.class.getClassLoader();
        try (InputStream service = loader.getResourceAsStream("META-INF/services/org/apache/camel/component/activecampaign")) {
            Properties descriptor = new Properties();
            descriptor.load(service);
            String type = descriptor.getProperty("class");
            String json = "META-INF/" + type.substring(0, type.lastIndexOf('.')).replace('.', '/') + "/activecampaign.json";
            try (InputStream in = loader.getResourceAsStream(json)) {
                return JsonMapper.generateComponentModel(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
