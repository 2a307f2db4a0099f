package com.creatorcommerce.order.config;

import com.creatorcommerce.order.domain.catalog.PopularityWindow;
import com.creatorcommerce.order.domain.catalog.ViewRetention;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans of order-service: the clock, the catalog's popularity window and view retention, scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
@EnableScheduling
class OrderServiceConfiguration {

    /**
     * UTC, in microseconds: what {@code DATETIME(6)} stores, so that an instant reads back equal (the platform's one
     * meaning of the service clock, as in coupon- and credit-service); "today" for view counting.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    PopularityWindow popularityWindow(CatalogProperties properties) {
        return new PopularityWindow(properties.popularWindowDays());
    }

    @Bean
    ViewRetention viewRetention(CatalogProperties properties, PopularityWindow window) {
        return ViewRetention.beyond(window, properties.viewRetentionDays());
    }
}
