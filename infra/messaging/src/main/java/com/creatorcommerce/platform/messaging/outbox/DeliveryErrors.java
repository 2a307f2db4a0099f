package com.creatorcommerce.platform.messaging.outbox;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;

/**
 * The relay's one decision about a failed send (ADR 10).
 *
 * <ul>
 *   <li>{@link Kind#PERMANENT}: the record itself can never be accepted (too large, invalid topic name, cannot be
 *       serialized, an unreadable row). Only these park a row.</li>
 *   <li>{@link Kind#PRODUCER_FATAL}: the producer instance is unusable (fenced, sequence lost, closed); the relay
 *       closes it and creates a new one. The rows are retried.</li>
 *   <li>{@link Kind#TRANSIENT}: everything else (broker down, timeouts, not enough replicas, authorization not yet
 *       granted...). The row keeps blocking its slot with capped back-off until it is delivered; it never consumes
 *       a parking budget.</li>
 * </ul>
 */
public final class DeliveryErrors {

    public enum Kind {
        TRANSIENT,
        PERMANENT,
        PRODUCER_FATAL
    }

    private DeliveryErrors() {}

    public static Kind classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException
                    || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException
                    || t instanceof SerializationException
                    || t instanceof UnreadableRowException) {
                return Kind.PERMANENT;
            }
            if (t instanceof ProducerFencedException
                    || t instanceof OutOfOrderSequenceException
                    || t instanceof UnknownProducerIdException
                    || t instanceof InvalidProducerEpochException
                    || t instanceof AuthenticationException
                    || t instanceof IllegalStateException) {
                return Kind.PRODUCER_FATAL;
            }
            if (t instanceof KafkaException
                    && t.getMessage() != null
                    && t.getMessage().contains("producer has been closed")) {
                return Kind.PRODUCER_FATAL;
            }
        }
        return Kind.TRANSIENT;
    }

    /** An outbox row whose stored headers cannot be read back: it can never be sent as it is. */
    static final class UnreadableRowException extends RuntimeException {
        UnreadableRowException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
