package com.creatorcommerce.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.inbox.*} and the dead-letter policy of listeners.
 *
 * @param retention processed-message rows are purged after this (longer than any redelivery window)
 * @param maxAttempts deliveries of a failing message before it goes to {@code <topic>.DLT}
 * @param retryBackoff delay before the first redelivery (doubles each time)
 */
@ConfigurationProperties("platform.inbox")
public record InboxProperties(Duration retention, Integer maxAttempts, Duration retryBackoff) {

    public InboxProperties {
        retention = retention == null ? Duration.ofDays(14) : retention;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
    }
}
