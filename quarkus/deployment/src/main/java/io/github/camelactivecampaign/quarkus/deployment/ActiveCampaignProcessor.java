// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.quarkus.deployment;

import java.util.List;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.ClassInfo;

/**
 * Registers the component: its feature, the Jackson models and the catalog resource for a native image.
 */
class ActiveCampaignProcessor {

    static final String FEATURE = "camel-activecampaign";
    static final String MODEL_PACKAGE = "io.github.camelactivecampaign.component.activecampaign.model";
    static final String CATALOG = "META-INF/activecampaign/operations.json";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.github.camelactivecampaign", "camel-activecampaign");
    }

    /** Jackson reads and writes the models by reflection. */
    @BuildStep
    ReflectiveClassBuildItem models(CombinedIndexBuildItem index) {
        List<String> models = index.getIndex().getKnownClasses().stream()
                .map(ClassInfo::name)
                .filter(name -> MODEL_PACKAGE.equals(name.packagePrefix()))
                .map(Object::toString)
                .sorted()
                .toList();
        return ReflectiveClassBuildItem.builder(models.toArray(String[]::new)).constructors().methods().fields()
                .build();
    }

    /** The operation catalog the component reads at start. */
    @BuildStep
    NativeImageResourceBuildItem catalog() {
        return new NativeImageResourceBuildItem(CATALOG);
    }
}
