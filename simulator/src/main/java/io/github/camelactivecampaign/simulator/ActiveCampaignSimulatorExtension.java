// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A simulator for a test class: started before the first test, reset before each, stopped after the last.
 *
 * <pre>
 * &#64;RegisterExtension
 * static ActiveCampaignSimulatorExtension activeCampaign = new ActiveCampaignSimulatorExtension();
 * // activeCampaign.simulator().baseUrl(), .token(), .journal(), ...
 * </pre>
 *
 * or {@code @ExtendWith(ActiveCampaignSimulatorExtension.class)} with an {@link ActiveCampaignSimulator} test method
 * parameter.
 */
public class ActiveCampaignSimulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private final ActiveCampaignSimulator.Builder builder;
    private ActiveCampaignSimulator simulator;

    public ActiveCampaignSimulatorExtension() {
        this(ActiveCampaignSimulator.builder());
    }

    public ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.Builder builder) {
        this.builder = builder;
    }

    public ActiveCampaignSimulator simulator() {
        if (simulator == null) {
            simulator = builder.start();
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ActiveCampaignSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }
}
