package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Seed 000's "clear error after the last retry": while something else holds the wallet's row lock (another instance's
 * long transaction, an operator's session), each attempt waits out the lock wait timeout (1 s here), is retried 3 times
 * with 10 ms x attempt in between, and then the use is refused with 503 {@code CREDIT_WALLET_BUSY} and
 * {@code Retry-After}; nothing changed. Once the lock is gone the same request succeeds. Own context: a short lock wait.
 */
@TestPropertySource(
        properties = "spring.datasource.hikari.connection-init-sql=SET SESSION innodb_lock_wait_timeout = 1")
class WalletBusyIT extends CreditIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void aWalletLockedElsewhereIsRefusedAfterTheLastAttemptWithNothingChanged() throws Exception {
        long user = newUser();
        fund(user, 10);
        String key = UUID.randomUUID().toString();
        double retriesBefore = meters.counter("credit.ledger.retries").count();
        double busyBefore = meters.counter("credit.ledger.busy").count();

        Http.Response refused;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT balance FROM credits WHERE user_id = ? FOR UPDATE")) {
                lock.setLong(1, user);
                lock.executeQuery().close();
            }
            refused = use(user, 3, "animate", key);
            other.rollback();
        }

        assertThat(refused.isProblem(503, "CREDIT_WALLET_BUSY"))
                .as(refused.toString())
                .isTrue();
        assertThat(refused.retryAfter()).isEqualTo("1");
        assertThat(meters.counter("credit.ledger.retries").count() - retriesBefore)
                .isEqualTo(2);
        assertThat(meters.counter("credit.ledger.busy").count() - busyBefore).isEqualTo(1);
        assertThat(balance(user)).isEqualTo(10);
        assertThat(historyRows(user, "usage")).isZero();

        Http.Response retried = use(user, 3, "animate", key);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(balance(user)).isEqualTo(7);
    }
}
