package com.creatorcommerce.point.config;

import com.creatorcommerce.contracts.point.PointTopics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChargeProperties.class)
public class PointConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
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
