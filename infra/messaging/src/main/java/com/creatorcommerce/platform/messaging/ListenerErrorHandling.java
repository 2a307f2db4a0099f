package com.creatorcommerce.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listeners' one failure policy (ADR 10): transient or unknown failures (database connectivity, lock wait
 * timeouts, deadlocks, broker errors, bugs fixed by a redeploy) redeliver the message without limit, with capped
 * exponential back-off, holding the partition so that order is kept; poison messages ({@link
 * PermanentMessageException}, and what Spring itself cannot convert) go to {@code <topic>.DLT} at once, with the
 * error in {@code kafka_dlt-exception-*} headers, to be replayed by an operator.
 *
 * <p>Meters: {@code messaging.listener.failures{topic, kind=failed|dead_lettered}} (every failed delivery, and the
 * messages sent to a DLT).
 */
public final class ListenerErrorHandling {

    public static final String DLT_SUFFIX = ".DLT";

    private static final Logger log = LoggerFactory.getLogger(ListenerErrorHandling.class);

    private ListenerErrorHandling() {}

    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, InboxProperties props, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template, (record, ex) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(props.retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(props.maxRetryBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PermanentMessageException.class);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                count(meters, record, "failed");
                if (Integer.bitCount(deliveryAttempt) == 1) { // 1, 2, 4, 8...: a stuck message stays visible
                    log.warn(
                            "Handling {}-{}@{} failed (delivery {}): {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            deliveryAttempt,
                            rootCause(ex).toString());
                }
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
                count(meters, record, "dead_lettered");
                log.error(
                        "Message {}-{}@{} sent to {}{}: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.topic(),
                        DLT_SUFFIX,
                        rootCause(ex).toString());
            }
        });
        return handler;
    }

    private static void count(MeterRegistry meters, ConsumerRecord<?, ?> record, String kind) {
        Counter.builder("messaging.listener.failures")
                .tag("topic", record.topic())
                .tag("kind", kind)
                .register(meters)
                .increment();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
