package com.creatorcommerce.payment.adapter.out.pg;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.payment-gateway.*}: where the external PG is. The time limit, retries and circuit breaker are the
 * Resilience4j instances named {@code pg} ({@code resilience4j.timelimiter/retry/circuitbreaker.instances.pg}).
 *
 * @param baseUrl e.g. {@code http://127.0.0.1:9090} (the local stack's mock PG)
 * @param connectTimeout TCP connect timeout
 * @param secretKey the merchant secret key, sent as HTTP Basic user (optional: the mock PG needs none)
 */
@ConfigurationProperties("platform.payment-gateway")
record PaymentGatewayProperties(URI baseUrl, Duration connectTimeout, String secretKey) {

    PaymentGatewayProperties {
        baseUrl = baseUrl == null ? URI.create("http://127.0.0.1:9090") : baseUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
    }
}
