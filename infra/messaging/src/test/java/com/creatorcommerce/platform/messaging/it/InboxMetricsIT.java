package com.creatorcommerce.platform.messaging.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.ops.InboxMetrics;
import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * {@code messaging.inbox.depth{group, topic}}: what a consumer group has not handled yet on a topic it consumes (end
 * offsets minus committed offsets; a partition never committed counts from its start), for every listener of the
 * application.
 */
@SpringBootTest
@RealInfrastructure
class InboxMetricsIT {

    @TestConfiguration
    static class Meters {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    InboxMetrics applicationInbox;

    @Autowired
    SimpleMeterRegistry applicationMeters;

    @Test
    void theDepthIsWhatTheGroupHasNotCommittedSummedOverTheTopicsPartitions() throws Exception {
        String topic = "inbox-depth-" + UUID.randomUUID();
        String behind = "behind-" + UUID.randomUUID();
        String never = "never-" + UUID.randomUUID();
        String missing = "not-created-yet-" + UUID.randomUUID();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            for (int i = 0; i < 5; i++) {
                kafka.send(new ProducerRecord<>(topic, 0, "k", "m" + i)).get();
            }
            kafka.send(new ProducerRecord<>(topic, 1, "k", "m")).get();
            // the group handled 2 of partition 0 and never committed partition 1
            admin.alterConsumerGroupOffsets(behind, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
                    .all()
                    .get();

            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            InboxMetrics metrics = new InboxMetrics(
                    () -> Admin.create(config),
                    () -> Map.of(behind, Set.of(topic, missing), never, Set.of(topic)),
                    meters,
                    Duration.ofHours(1));
            try {
                assertThat(metrics.refresh()).isTrue();
                assertThat(depth(meters, behind, topic)).isEqualTo(3 + 1);
                assertThat(depth(meters, never, topic)).isEqualTo(5 + 1);
                assertThat(meters.find("messaging.inbox.depth")
                                .tag("topic", missing)
                                .gauge())
                        .as("a topic nothing was sent to yet has no depth, and does not hide the others")
                        .isNull();

                admin.alterConsumerGroupOffsets(
                                behind,
                                Map.of(
                                        new TopicPartition(topic, 0),
                                        new OffsetAndMetadata(5),
                                        new TopicPartition(topic, 1),
                                        new OffsetAndMetadata(1)))
                        .all()
                        .get();
                assertThat(metrics.refresh()).isTrue();
                assertThat(depth(meters, behind, topic)).as("caught up").isZero();
            } finally {
                metrics.stop();
            }
        }
    }

    @Test
    void everyListenerOfTheApplicationHasItsGaugeOnTheApplicationsRegistry() {
        assertThat(applicationInbox.refresh()).isTrue();

        assertThat(applicationMeters.find("messaging.inbox.depth").gauges())
                .extracting(g -> g.getId().getTag("group") + " " + g.getId().getTag("topic"))
                .contains(
                        "demo-consumer " + MessagingTestApplication.EVENTS,
                        "demo-poison-consumer " + MessagingTestApplication.POISON,
                        "demo-locking-consumer " + MessagingTestApplication.LOCKING);
    }

    private static double depth(SimpleMeterRegistry meters, String group, String topic) {
        var gauge = meters.find("messaging.inbox.depth")
                .tags("group", group, "topic", topic)
                .gauge();
        assertThat(gauge).as(group + " " + topic).isNotNull();
        return gauge.value();
    }
}
