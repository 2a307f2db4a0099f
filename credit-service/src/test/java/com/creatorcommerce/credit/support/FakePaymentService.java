package com.creatorcommerce.credit.support;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.platform.messaging.Envelopes;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.TestKafka;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays payment-service over the real broker, as the mock PG's payment keys would make it answer: it consumes
 * {@code payment.commands} and replies on {@code payment.replies} (keyed by the reference, with the command's
 * correlation id): {@code pk_approve_} approved, {@code pk_decline_} failed {@code REJECT_CARD_PAYMENT},
 * {@code pk_mismatch_} failed {@code AMOUNT_MISMATCH}; {@code pk_slow_} and {@code pk_error_} get no answer (an unknown
 * PG outcome: the test sends the late outcome with {@link #approve}). Cancels are answered cancelled. Every command is
 * recorded. One per JVM; it only sees commands sent after it started.
 */
public final class FakePaymentService implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static volatile FakePaymentService instance;

    private final KafkaProducer<String, String> producer;
    private final List<ConfirmPaymentCommand> confirms = new CopyOnWriteArrayList<>();
    private final List<CancelPaymentCommand> cancels = new CopyOnWriteArrayList<>();
    private final Map<String, String> correlationByKey = new ConcurrentHashMap<>();
    private final AtomicLong paymentIds = new AtomicLong(System.currentTimeMillis() * 1000);
    /** One payment id per payment key, as payment-service would have. */
    private final Map<String, Long> paymentIdsByKey = new ConcurrentHashMap<>();

    private final Thread poller;
    private volatile boolean running = true;

    private FakePaymentService(String bootstrap) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "fake-payment-service-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "latest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        1000),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(PaymentTopics.COMMANDS));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(this::handle);
        }
        poller = Thread.ofPlatform().daemon().name("fake-payment-service").start(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(50)).forEach(this::handle);
                }
            }
        });
    }

    /** The JVM's instance, started on first use (before the commands it must see are sent). */
    public static FakePaymentService get() {
        if (instance == null) {
            synchronized (FakePaymentService.class) {
                if (instance == null) {
                    instance = new FakePaymentService(TestKafka.bootstrapServers());
                }
            }
        }
        return instance;
    }

    private void handle(ConsumerRecord<String, String> record) {
        String type = TopicRecorder.header(record, MessageHeaders.TYPE);
        String correlation = TopicRecorder.header(record, MessageHeaders.CORRELATION_ID);
        if (PaymentTopics.CONFIRM.equals(type)) {
            ConfirmPaymentCommand cmd = JSON.readValue(record.value(), ConfirmPaymentCommand.class);
            confirms.add(cmd);
            correlationByKey.put(cmd.paymentKey(), correlation);
            String key = cmd.paymentKey();
            if (key.startsWith("pk_approve_")) {
                approve(cmd, newMessageId());
            } else if (key.startsWith("pk_decline_")) {
                fail(cmd, "REJECT_CARD_PAYMENT", "The card was declined");
            } else if (key.startsWith("pk_mismatch_")) {
                fail(cmd, PaymentFailureCode.AMOUNT_MISMATCH, "The PG approved another amount; cancelled");
            }
        } else if (PaymentTopics.CANCEL.equals(type)) {
            CancelPaymentCommand cmd = JSON.readValue(record.value(), CancelPaymentCommand.class);
            cancels.add(cmd);
            confirm(cmd.paymentKey())
                    .ifPresent(c -> reply(
                            Long.toString(c.referenceId()),
                            PaymentTopics.CANCELLED,
                            new PaymentCancelled(
                                    paymentIds.incrementAndGet(),
                                    c.paymentKey(),
                                    c.purpose(),
                                    c.referenceId(),
                                    c.userId(),
                                    cmd.cancelRequestId(),
                                    c.amount(),
                                    0,
                                    Instant.now()),
                            newMessageId(),
                            correlation,
                            c.userId()));
        }
    }

    /** Replies approved for {@code cmd} with message id {@code messageId} (the same id again = a redelivery). */
    public PaymentApproved approve(ConfirmPaymentCommand cmd, String messageId) {
        PaymentApproved approved = new PaymentApproved(
                paymentIdOf(cmd),
                cmd.paymentKey(),
                cmd.purpose(),
                cmd.referenceId(),
                cmd.userId(),
                cmd.amount(),
                Instant.now());
        reply(
                Long.toString(cmd.referenceId()),
                PaymentTopics.APPROVED,
                approved,
                messageId,
                correlationByKey.get(cmd.paymentKey()),
                cmd.userId());
        return approved;
    }

    /** Sends {@code payload} as payment-service's reply (for tests that shape it themselves). */
    public void reply(String key, String type, Object payload, String messageId, String correlationId, long userId) {
        try {
            producer.send(Envelopes.record(
                            PaymentTopics.REPLIES,
                            key,
                            type,
                            JSON.writeValueAsString(payload),
                            messageId,
                            "/payment-service",
                            correlationId,
                            userId))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fail(ConfirmPaymentCommand cmd, String code, String message) {
        reply(
                Long.toString(cmd.referenceId()),
                PaymentTopics.FAILED,
                new PaymentFailed(
                        paymentIdOf(cmd),
                        cmd.paymentKey(),
                        cmd.purpose(),
                        cmd.referenceId(),
                        cmd.userId(),
                        cmd.amount(),
                        code,
                        message,
                        Instant.now()),
                newMessageId(),
                correlationByKey.get(cmd.paymentKey()),
                cmd.userId());
    }

    public long paymentIdOf(ConfirmPaymentCommand cmd) {
        return paymentIdsByKey.computeIfAbsent(cmd.paymentKey(), k -> paymentIds.incrementAndGet());
    }

    public static String newMessageId() {
        return UUID.randomUUID().toString();
    }

    /** The confirm command received for {@code paymentKey}, if any yet. */
    public Optional<ConfirmPaymentCommand> confirm(String paymentKey) {
        return confirms.stream().filter(c -> c.paymentKey().equals(paymentKey)).findFirst();
    }

    public List<ConfirmPaymentCommand> confirms(String paymentKey) {
        return confirms.stream().filter(c -> c.paymentKey().equals(paymentKey)).toList();
    }

    public List<CancelPaymentCommand> cancels(String paymentKey) {
        return cancels.stream().filter(c -> c.paymentKey().equals(paymentKey)).toList();
    }

    @Override
    public void close() {
        running = false;
        producer.close();
    }
}
