package com.creatorcommerce.credit.config;

import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.credit.application.CreditSettings;
import com.creatorcommerce.credit.application.SettlementSettings;
import com.creatorcommerce.credit.application.ledger.LedgerSettings;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock, the credit settings and the {@code credit.events} topic. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({CreditSettings.class, LedgerSettings.class, SettlementSettings.class})
class CreditConfiguration {

    /** UTC, in microseconds: what {@code DATETIME(6)} stores, so that an instant reads back equal. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    NewTopic creditEventsTopic() {
        return TopicBuilder.name(CreditTopics.EVENTS).partitions(6).build();
    }
}
