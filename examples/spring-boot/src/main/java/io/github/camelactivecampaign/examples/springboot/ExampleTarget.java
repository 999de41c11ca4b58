// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

/**
 * Which account the example talks to, as the user should read it.
 */
public record ExampleTarget(String description) {
}
