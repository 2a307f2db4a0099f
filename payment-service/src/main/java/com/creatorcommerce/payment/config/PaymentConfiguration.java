package com.creatorcommerce.payment.config;

import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.payment.adapter.out.pg.HttpPaymentGateway;
import com.creatorcommerce.payment.application.port.PaymentGateway;
import com.creatorcommerce.payment.domain.CheckSchedule;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({PaymentGatewayProperties.class, ReconciliationProperties.class})
public class PaymentConfiguration {

    /** The Resilience4j instances (time limiter, retry, circuit breaker) of the PG client. */
    public static final String PG = "pg";

    @Bean
    PaymentGateway paymentGateway(PaymentGatewayProperties props, TimeLimiterRegistry timeLimiters,
            CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        return new HttpPaymentGateway(props, timeLimiters.timeLimiter(PG), circuitBreakers.circuitBreaker(PG),
                retries.retry(PG));
    }

    /** Only transient failures (timeout, I/O, 5xx) are retried; a 4xx answer is final. */
    @Bean
    RetryConfigCustomizer pgRetryClassification() {
        return RetryConfigCustomizer.of(PG, builder -> builder.retryOnException(t -> HttpPaymentGateway.isTransient((Throwable) t)));
    }

    /** When the reconciliation job looks at rows whose PG outcome is unknown. */
    @Bean
    CheckSchedule checkSchedule(ReconciliationProperties reconciliation) {
        return reconciliation.schedule();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NewTopic paymentCommandsTopic() {
        return TopicBuilder.name(PaymentTopics.COMMANDS).partitions(6).build();
    }

    @Bean
    NewTopic paymentRepliesTopic() {
        return TopicBuilder.name(PaymentTopics.REPLIES).partitions(6).build();
    }

    @Bean
    NewTopic paymentEventsTopic() {
        return TopicBuilder.name(PaymentTopics.EVENTS).partitions(6).build();
    }
}
