package com.creatorcommerce.order.config;

import com.creatorcommerce.order.domain.catalog.PopularityWindow;
import com.creatorcommerce.order.domain.catalog.ViewRetention;
import java.time.Clock;
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

    /** UTC wall clock: "today" for view counting and every stored timestamp. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
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
