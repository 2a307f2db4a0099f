package com.creatorcommerce.order.support;

import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.messaging.Envelopes;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.TestKafka;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays coupon-service, point-service and payment-service for order-service's tests on the real broker: records the
 * commands order-service really sent ({@link TopicRecorder} on the three command topics) and answers them on the
 * replies topics the way the participants do: keyed by the order id, carrying the command's correlation id (the
 * saga) and naming the command as the causation. The tests decide what each participant answers, and when.
 */
public final class Participants {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final AtomicLong MESSAGE_IDS = new AtomicLong(
            8_000_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
    private static volatile Participants shared;

    /** A command order-service sent. */
    public record Command(
            String topic,
            String type,
            String key,
            JsonNode payload,
            String messageId,
            String correlationId,
            String userId) {

        /** The order the command is about (every participant's command names it). */
        public long orderId() {
            return orderIdOf(payload);
        }

        public String text(String field) {
            return payload.path(field).asString();
        }

        public long number(String field) {
            return payload.path(field).longValue();
        }
    }

    /** A reply as sent, so that a test can send exactly the same record again (a redelivery). */
    public record Reply(ProducerRecord<String, String> record) {}

    private final TopicRecorder commands =
            TopicRecorder.of(CouponTopics.COMMANDS, PointTopics.COMMANDS, PaymentTopics.COMMANDS);
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestKafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all"),
            new StringSerializer(),
            new StringSerializer());

    private Participants() {}

    /** One recorder and producer for every test in the JVM (commands are told apart by their order id). */
    public static Participants shared() {
        if (shared == null) {
            synchronized (Participants.class) {
                if (shared == null) {
                    shared = new Participants();
                }
            }
        }
        return shared;
    }

    /** The first command of {@code type} for the order, waiting for it. */
    public Command await(String type, long orderId) {
        return await(type, orderId, 1).getFirst();
    }

    /** At least {@code count} commands of {@code type} for the order, waiting for them. */
    public List<Command> await(String type, long orderId, int count) {
        return commands.await(r -> matches(r, type, orderId), count, WAIT).stream()
                .map(Participants::command)
                .toList();
    }

    /** The commands of {@code type} for the order received so far. */
    public List<Command> received(String type, long orderId) {
        return commands.records(r -> matches(r, type, orderId)).stream()
                .map(Participants::command)
                .toList();
    }

    /** Every command for the order received so far, in order. */
    public List<Command> receivedFor(long orderId) {
        return commands.records(r -> orderIdOf(JSON.readTree(r.value())) == orderId).stream()
                .map(Participants::command)
                .toList();
    }

    /** Answers {@code command} as its participant does: on its replies topic, keyed by the order id. */
    public Reply reply(Command command, String type, Object payload) {
        String topic = command.topic().replace(".commands", ".replies");
        String messageId = Long.toString(MESSAGE_IDS.incrementAndGet());
        ProducerRecord<String, String> record = Envelopes.record(
                topic,
                Long.toString(command.orderId()),
                type,
                JSON.writeValueAsString(payload),
                messageId,
                "/test-" + topic.substring(0, topic.indexOf('.')) + "-service",
                command.correlationId(),
                command.userId() == null ? null : Long.valueOf(command.userId()));
        record.headers()
                .add(new RecordHeader(
                        MessageHeaders.CAUSATION_ID, command.messageId().getBytes(StandardCharsets.UTF_8)));
        send(record);
        return new Reply(record);
    }

    /** The same record again (same message id): a redelivery. */
    public void redeliver(Reply reply) {
        ProducerRecord<String, String> r = reply.record();
        send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()));
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static boolean matches(ConsumerRecord<String, String> r, String type, long orderId) {
        return type.equals(TopicRecorder.header(r, MessageHeaders.TYPE))
                && orderIdOf(JSON.readTree(r.value())) == orderId;
    }

    private static Command command(ConsumerRecord<String, String> r) {
        return new Command(
                r.topic(),
                TopicRecorder.header(r, MessageHeaders.TYPE),
                r.key(),
                JSON.readTree(r.value()),
                TopicRecorder.header(r, MessageHeaders.ID),
                TopicRecorder.header(r, MessageHeaders.CORRELATION_ID),
                TopicRecorder.header(r, MessageHeaders.USER_ID));
    }

    /** order_id, a payment's reference_id, or the order in a payment cancel's request id ({@code order-<id>-...}). */
    static long orderIdOf(JsonNode payload) {
        if (payload.hasNonNull("order_id")) {
            return Long.parseLong(payload.path("order_id").asString());
        }
        if (payload.hasNonNull("reference_id")) {
            return Long.parseLong(payload.path("reference_id").asString());
        }
        String cancel = payload.path("cancel_request_id").asString("");
        if (cancel.startsWith("order-")) {
            return Long.parseLong(cancel.substring("order-".length(), cancel.indexOf('-', "order-".length())));
        }
        return -1;
    }
}
