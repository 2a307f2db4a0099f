package com.creatorcommerce.coupon.config;

import com.creatorcommerce.coupon.application.IssueSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssueSettings.class)
class CouponConfiguration {

    /** UTC, in microseconds: what {@code DATETIME(6)} stores, so that an instant reads back equal. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
