package com.creatorcommerce.point.config;

import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.point.domain.ChargeLimits;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Beans of point-service: the clock, the charge limits, the topics it owns. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChargeProperties.class)
public class PointConfiguration {

    /** UTC, in microseconds: what {@code DATETIME(6)} stores, so that an instant reads back equal. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    ChargeLimits chargeLimits(ChargeProperties properties) {
        return properties.toLimits();
    }

    @Bean
    NewTopic pointCommandsTopic() {
        return TopicBuilder.name(PointTopics.COMMANDS).partitions(6).build();
    }

    @Bean
    NewTopic pointRepliesTopic() {
        return TopicBuilder.name(PointTopics.REPLIES).partitions(6).build();
    }

    @Bean
    NewTopic pointEventsTopic() {
        return TopicBuilder.name(PointTopics.EVENTS).partitions(6).build();
    }
}
