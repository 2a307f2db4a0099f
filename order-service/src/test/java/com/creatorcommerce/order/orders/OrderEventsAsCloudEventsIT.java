package com.creatorcommerce.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.order.OrderTopics;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.order.support.OrderTestBase;
import com.creatorcommerce.order.support.Participants.Command;
import com.creatorcommerce.platform.test.TestKafka;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A subscriber outside the platform reads {@code order.events} with the CloudEvents SDK's own Kafka binding (binary
 * mode): every attribute it requires is there and well-formed, the data is the event's JSON, and the record key is
 * the order id.
 */
class OrderEventsAsCloudEventsIT extends OrderTestBase {

    @Test
    void anOrdersEventsAreValidCloudEventsForTheSdksKafkaBinding() {
        Created tee = createProduct("Tee", 12_000, OptionSpec.of("S", 0, 5));
        User user = newUser();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        long orderId = placed(user, items(tee.option(0), 1));
        Command use = participants.await(PointTopics.USE, orderId);
        participants.reply(use, PointTopics.USED, new PointsUsed(orderId, user.id(), 12_000, 0, 1));
        awaitStatus(user, orderId, "COMPLETED");

        List<ConsumerRecord<String, CloudEvent>> ours = readUntil(orderId, 2);

        assertThat(ours)
                .extracting(r -> r.value().getType())
                .containsExactly(OrderTopics.CREATED, OrderTopics.COMPLETED);
        assertThat(ours)
                .extracting(r -> r.value().getId())
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isNotBlank());
        for (ConsumerRecord<String, CloudEvent> record : ours) {
            CloudEvent event = record.value();
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getSource()).isNotNull();
            assertThat(event.getSource().toString()).isNotBlank();
            assertThat(event.getTime())
                    .isNotNull()
                    .isAfter(before)
                    .isBefore(OffsetDateTime.now().plusSeconds(5));
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(event.getData()).isNotNull();
            JsonNode data = JSON.readTree(event.getData().toBytes());
            assertThat(data.path("order_id").asString()).isEqualTo(Long.toString(orderId));
            assertThat(data.path("user_id").asString()).isEqualTo(Long.toString(user.id()));
        }
        assertThat(JSON.readTree(ours.get(1).value().getData().toBytes())
                        .path("final_amount")
                        .asLong())
                .isEqualTo(12_000);
    }

    /** The order's records from the start of the topic, through the SDK's deserializer, until {@code count}. */
    private static List<ConsumerRecord<String, CloudEvent>> readUntil(long orderId, int count) {
        List<ConsumerRecord<String, CloudEvent>> ours = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "cloudevents-sdk-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new CloudEventDeserializer())) {
            consumer.subscribe(List.of(OrderTopics.EVENTS));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (ours.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    if (Long.toString(orderId).equals(r.key())) {
                        ours.add(r);
                    }
                }
            }
        }
        assertThat(ours)
                .as("events of order %d read through the CloudEvents SDK", orderId)
                .hasSize(count);
        return ours;
    }
}
