package com.creatorcommerce.platform.security;

import org.springframework.core.env.Environment;

/**
 * Whether a request arrived on the actuator's own port ({@code management.server.port}, bound to loopback and never
 * routed by the gateway): there, actuator endpoints (Prometheus included) are open without a token. When the
 * management port is the public port (or is not running), nothing is.
 */
public final class ManagementPort {

    private ManagementPort() {}

    public static boolean isManagementPort(Environment environment, int localPort) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        return management != null && management > 0 && localPort == management && !management.equals(server);
    }
}
