package com.creatorcommerce.payment.adapter.out.pg;

import com.creatorcommerce.payment.application.port.PaymentGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PG client: {@link HttpPaymentGateway} behind the {@link PaymentGateway} port, with the Resilience4j instances
 * named {@value #PG} (time limiter, retry, circuit breaker) configured under {@code resilience4j.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentGatewayProperties.class)
class PgClientConfiguration {

    /** The Resilience4j instances (time limiter, retry, circuit breaker) of the PG client. */
    static final String PG = "pg";

    @Bean
    PaymentGateway paymentGateway(
            PaymentGatewayProperties props,
            TimeLimiterRegistry timeLimiters,
            CircuitBreakerRegistry circuitBreakers,
            RetryRegistry retries) {
        return new HttpPaymentGateway(
                props, timeLimiters.timeLimiter(PG), circuitBreakers.circuitBreaker(PG), retries.retry(PG));
    }

    /** Only transient failures (timeout, I/O, 5xx) are retried; a 4xx answer is final. */
    @Bean
    RetryConfigCustomizer pgRetryClassification() {
        return RetryConfigCustomizer.of(
                PG, builder -> builder.retryOnException(t -> PgHttpCalls.isTransient((Throwable) t)));
    }
}
