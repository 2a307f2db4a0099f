package com.creatorcommerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.coupon.support.CouponIntegrationTest;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.test.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's hand-off after commit (ADR 15, {@code platform.outbox.hand-off}) in a real service: a row appended in the service's own JPA transaction
 * is sent by the committing thread (its check reads the database right after the commit, on the transaction's
 * connection), not left to a relay round.
 */
@TestPropertySource(properties = "platform.outbox.hand-off=true")
class OutboxHandOffIT extends CouponIntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRowCommittedInTheServicesJpaTransactionIsSentByTheHandOff() {
        String topic = "coupon.hand-off-check." + UUID.randomUUID();
        double sentBefore = handOffs("sent");
        try (TopicRecorder recorder = TopicRecorder.of(topic)) {
            new TransactionTemplate(transactions)
                    .executeWithoutResult(s -> outbox.append(
                            OutboundMessage.of(topic, "k-1", "coupon.hand-off-check.v1", Map.of("n", 1))));
            assertThat(recorder.await(r -> true, 1, Duration.ofSeconds(30))).hasSize(1);
        }
        assertThat(transactions.getClass().getSimpleName()).isEqualTo("JpaTransactionManager");
        assertThat(handOffs("sent")).isGreaterThan(sentBefore);
    }

    private double handOffs(String result) {
        var counter = meters.find("outbox.hand_off").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
