// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import org.apache.camel.Route;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;

/**
 * Whether a consumer's route runs under Camel's cluster support (a {@link ClusteredRoutePolicy}, set on the route or
 * by a ClusteredRouteController) and holds the leadership. camel-cluster is optional: without it no route is
 * clustered.
 */
final class ClusterLeadership {

    static final String LEADER = "leader";
    static final String STANDBY = "standby";
    static final String NOT_CLUSTERED = "not clustered";

    private static final boolean CLUSTER_SUPPORT = clusterSupport();

    private ClusterLeadership() {
    }

    static String of(Route route) {
        if (route == null || !CLUSTER_SUPPORT) {
            return NOT_CLUSTERED;
        }
        for (RoutePolicy policy : route.getRoutePolicyList()) {
            if (policy instanceof ClusteredRoutePolicy clustered) {
                return clustered.isLeader() ? LEADER : STANDBY;
            }
        }
        return NOT_CLUSTERED;
    }

    private static boolean clusterSupport() {
        try {
            return ClusteredRoutePolicy.class != null;
        } catch (NoClassDefFoundError e) {
            return false;
        }
    }
}
