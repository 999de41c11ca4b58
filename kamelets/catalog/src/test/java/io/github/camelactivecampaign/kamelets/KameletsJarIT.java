// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.kamelets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar carries every Kamelet under kamelets/, the Kamelet component's default location
 * (classpath:kamelets), with this build's version in place of @project.version@ and nothing else changed.
 */
class KameletsJarIT {

    @Test
    void theJarCarriesEveryKameletWithThisBuildsVersion() throws Exception {
        String version = System.getProperty("project.version");
        try (JarFile jar = new JarFile(System.getProperty("kamelets.jar"))) {
            for (Path source : Kamelets.sources()) {
                ZipEntry entry = jar.getEntry("kamelets/" + source.getFileName());
                assertThat(entry).as("kamelets/%s in %s", source.getFileName(), jar.getName()).isNotNull();
                try (InputStream in = jar.getInputStream(entry)) {
                    String packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(packaged).isEqualTo(Kamelets.read(source).replace("@project.version@", version));
                    assertThat(packaged).contains("camel-activecampaign:" + version + "\"");
                }
            }
        }
    }
}
