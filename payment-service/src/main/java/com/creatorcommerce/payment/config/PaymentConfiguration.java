package com.creatorcommerce.payment.config;

import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.payment.application.ReconciliationProperties;
import com.creatorcommerce.payment.domain.CheckSchedule;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The service's wiring: clock, reconciliation schedule, its topics. The PG client is configured by its adapter. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReconciliationProperties.class)
class PaymentConfiguration {

    /** When the reconciliation job looks at rows whose PG outcome is unknown. */
    @Bean
    CheckSchedule checkSchedule(ReconciliationProperties reconciliation) {
        return reconciliation.schedule();
    }

    /** UTC, in microseconds: what {@code DATETIME(6)} stores, so that an instant reads back equal. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
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
