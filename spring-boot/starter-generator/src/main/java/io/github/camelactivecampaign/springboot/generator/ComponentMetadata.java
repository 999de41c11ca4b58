// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * Finds a component's JSON metadata on a class path the way Camel does: the component's service descriptor
 * (META-INF/services/org/apache/camel/component/&lt;scheme&gt;) names its class, and the JSON lies beside that
 * class's package (META-INF/&lt;package as path&gt;/&lt;scheme&gt;.json), as camel-package-maven-plugin writes it.
 */
final class ComponentMetadata {

    private ComponentMetadata() {
    }

    static ComponentModel load(ClassLoader classLoader, String scheme) throws IOException {
        String descriptor = "META-INF/services/org/apache/camel/component/" + scheme;
        Properties service = new Properties();
        try (InputStream in = classLoader.getResourceAsStream(descriptor)) {
            if (in == null) {
                throw new IllegalStateException("No " + descriptor + " on the class path: the component jar of scheme '"
                        + scheme + "' must be a dependency of the module that runs the generator");
            }
            service.load(in);
        }
        String componentClass = service.getProperty("class");
        if (componentClass == null) {
            throw new IllegalStateException(descriptor + " has no class= entry");
        }
        String json = "META-INF/" + componentClass.substring(0, componentClass.lastIndexOf('.')).replace('.', '/')
                      + "/" + scheme + ".json";
        try (InputStream in = classLoader.getResourceAsStream(json)) {
            if (in == null) {
                throw new IllegalStateException("No " + json + " on the class path: build the component with "
                        + "camel-package-maven-plugin (generate-component) so that its metadata is in the jar");
            }
            return JsonMapper.generateComponentModel(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
