package com.creatorcommerce.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.inbox.*} and the retry policy of listeners (ADR 10): a failing message is redelivered without
 * limit, holding its partition, with back-off from {@code retryBackoff} doubling up to {@code maxRetryBackoff}; only
 * a {@link PermanentMessageException} (or a message Spring cannot even convert) goes to {@code <topic>.DLT}.
 *
 * @param retention processed-message rows are purged after this (longer than any redelivery window)
 * @param retryBackoff delay before the first redelivery (doubles each time)
 * @param maxRetryBackoff redelivery delay cap
 */
@ConfigurationProperties("platform.inbox")
public record InboxProperties(Duration retention, Duration retryBackoff, Duration maxRetryBackoff) {

    public InboxProperties {
        retention = retention == null ? Duration.ofDays(14) : retention;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
        maxRetryBackoff = maxRetryBackoff == null ? Duration.ofSeconds(30) : maxRetryBackoff;
    }
}
