package com.creatorcommerce.chaos;

import java.util.List;

/**
 * The running platform the chaos run drives and breaks: where the gateway and the services answer, which database
 * schema each service writes, and how to kill a component (SIGKILL) and bring it back.
 */
public interface Stack {

    /** The five domain services, in the order faults visit them. */
    List<String> SERVICES =
            List.of("order-service", "point-service", "coupon-service", "payment-service", "credit-service");

    /** Base URL of the gateway, e.g. {@code http://127.0.0.1:8080}. */
    String gatewayUrl();

    /** The public port of a domain service (its messaging ops API is not routed by the gateway). */
    int servicePort(String service);

    /** The database schema a domain service writes. */
    String schema(String service);

    /** JDBC URL of the database server (no schema), with user and password of an account that reads every schema. */
    String jdbcServerUrl();

    String dbUser();

    String dbPassword();

    /** SIGKILL of the component's process (a service, {@code gateway} or {@code kafka}); returns its pid. */
    long kill(String component) throws Exception;

    /** Starts what is down again and returns once it is ready (or throws). */
    void restart(String component) throws Exception;

    /**
     * The mock PG's request journal ({@code GET /__admin/requests}), when it keeps one: the PG's own view of what it
     * approved. {@code null} when it does not (the local stack runs the mock PG without a journal).
     */
    default String pgJournalUrl() {
        return null;
    }
}
