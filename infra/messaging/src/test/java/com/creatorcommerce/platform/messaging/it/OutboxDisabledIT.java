package com.creatorcommerce.platform.messaging.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.it.MessagingTestApplication.DepositService;
import com.creatorcommerce.platform.messaging.outbox.OutboxRelay;
import com.creatorcommerce.platform.test.RealInfrastructure;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code platform.outbox.enabled=false}: this instance appends (rows wait for another instance), runs no relay. */
@SpringBootTest(properties = "platform.outbox.enabled=false")
@RealInfrastructure
class OutboxDisabledIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    DepositService deposits;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noRelayRunsAndAppendedRowsStayPendingForAnotherInstance() {
        assertThat(context.getBeanNamesForType(OutboxRelay.class))
                .as("no relay bean")
                .isEmpty();
        long account = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

        long id = deposits.deposit(account, 5, false);

        assertThat(jdbc.queryForObject("SELECT status FROM outbox_event WHERE id = ?", String.class, id))
                .isEqualTo("PENDING");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_partition_lease WHERE owner IS NOT NULL", Integer.class))
                .as("no slot leased by this instance")
                .isZero();
    }
}
