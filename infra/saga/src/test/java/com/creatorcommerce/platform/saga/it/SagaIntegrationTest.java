package com.creatorcommerce.platform.saga.it;

import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaStatus;
import com.creatorcommerce.platform.saga.it.DemoSaga.Transfer;
import com.creatorcommerce.platform.saga.it.SagaTestApplication.Transfers;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** One Spring context (one fresh database, the real broker) for every saga integration test; helpers over SQL. */
@SpringBootTest
@RealInfrastructure
abstract class SagaIntegrationTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final long BALANCE = 1_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Transfers transfers;

    @Autowired
    FakeParticipants participants;

    @Autowired
    @Qualifier("patientTransfer")
    SagaDefinition<Transfer> patient;

    @Autowired
    @Qualifier("seatTimeoutTransfer")
    SagaDefinition<Transfer> seatTimeout;

    @Autowired
    @Qualifier("cardTimeoutTransfer")
    SagaDefinition<Transfer> cardTimeout;

    /** A new account with {@link #BALANCE} and a transfer of {@code amount} from it under {@code scenario}. */
    Transfer newTransfer(long amount, String scenario) {
        long account = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        jdbc.update("INSERT INTO demo_account (id, balance) VALUES (?, ?)", account, BALANCE);
        return new Transfer(
                ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), account, amount, scenario, null, null);
    }

    SagaStatus status(long sagaId) {
        return SagaStatus.valueOf(
                jdbc.queryForObject("SELECT status FROM saga_instance WHERE id = ?", String.class, sagaId));
    }

    void awaitStatus(long sagaId, SagaStatus status) {
        Await.until("saga " + sagaId + " " + status, TIMEOUT, () -> status(sagaId) == status);
    }

    String reason(long sagaId) {
        return jdbc.queryForObject("SELECT reason_code FROM saga_instance WHERE id = ?", String.class, sagaId);
    }

    /** The step log as "event step" lines, in order. */
    List<String> log(long sagaId) {
        return jdbc.queryForList(
                "SELECT CONCAT(event, ' ', COALESCE(step, '-')) FROM saga_step_log WHERE saga_id = ? " + "ORDER BY seq",
                String.class,
                sagaId);
    }

    int logged(long sagaId, String event) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM saga_step_log WHERE saga_id = ? AND event = ?", Integer.class, sagaId, event);
    }

    /** Commands of {@code type} the participants received for the transfer. */
    int received(Transfer t, String type) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM demo_command WHERE transfer_id = ? AND type = ?",
                Integer.class,
                t.transferId(),
                type);
    }

    long balance(Transfer t) {
        return jdbc.queryForObject("SELECT balance FROM demo_account WHERE id = ?", Long.class, t.accountId());
    }

    String seat(Transfer t) {
        return jdbc
                .queryForList("SELECT status FROM demo_seat WHERE transfer_id = ?", String.class, t.transferId())
                .stream()
                .findFirst()
                .orElse(null);
    }

    String card(Transfer t) {
        return jdbc
                .queryForList("SELECT status FROM demo_card WHERE transfer_id = ?", String.class, t.transferId())
                .stream()
                .findFirst()
                .orElse(null);
    }

    List<Long> ledger(Transfer t) {
        return jdbc.queryForList(
                "SELECT amount FROM demo_card_ledger WHERE transfer_id = ? ORDER BY id", Long.class, t.transferId());
    }

    List<String> outcomes(Transfer t) {
        return jdbc.queryForList(
                "SELECT CONCAT(status, ' ', COALESCE(reason, '-')) FROM demo_transfer_outcome "
                        + "WHERE transfer_id = ?",
                String.class,
                t.transferId());
    }
}
