package com.creatorcommerce.credit.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.TestDatabaseAccount;
import com.creatorcommerce.platform.test.TestDatabaseServer;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * credit-service on real infrastructure (its own database on the MySQL-compatible server, the JVM's Kafka broker, the
 * test JWT keys), with {@link FakePaymentService} answering its payment commands over the broker. All integration
 * tests extending this class share one Spring context. After every test the ledger invariants hold, seed 000's two
 * integrity queries included ({@link LedgerChecks}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "credit.settle-wait=5s", // the in-JVM payment answers within it even on a loaded CI machine
            "platform.inbox.max-retry-backoff=500ms",
            "platform.inbox.retry-backoff=50ms"
        })
@RealInfrastructure
public abstract class CreditIntegrationTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * The service's own database account (ADR 16): the application connects as it, with the per-table privileges the
     * migrations (run as the server's test account, the schema's owner) grant it.
     */
    public static final TestDatabaseAccount APP_ACCOUNT = TestDatabaseAccount.create("credit_app");

    protected static final FakePaymentService PAYMENTS = FakePaymentService.get();
    protected static final TopicRecorder RECORDER = TopicRecorder.of(CreditTopics.EVENTS, PaymentTopics.COMMANDS);
    private static final AtomicLong USERS = new AtomicLong(System.currentTimeMillis() * 1000);

    @DynamicPropertySource
    static void databaseAccounts(DynamicPropertyRegistry properties) {
        properties.add("spring.flyway.user", () -> TestDatabaseServer.get().user());
        properties.add("spring.flyway.password", () -> TestDatabaseServer.get().password());
        // the pool's own settings: bound onto the pool after spring.datasource.*, which the infrastructure sets
        properties.add("spring.datasource.hikari.username", APP_ACCOUNT::user);
        properties.add("spring.datasource.hikari.password", APP_ACCOUNT::password);
        properties.add("credit.database.app-accounts", APP_ACCOUNT::account);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected JsonMapper json;

    protected Http http;
    protected LedgerChecks ledger;

    @BeforeEach
    void client() {
        http = new Http(port, json);
        ledger = new LedgerChecks(jdbc);
    }

    @AfterEach
    void ledgerInvariantsHold() {
        ledger.assertInvariants();
    }

    protected static long newUser() {
        return USERS.incrementAndGet();
    }

    protected static String token(long user) {
        return TestJwt.user(user);
    }

    protected static String adminToken() {
        return TestJwt.admin(1);
    }

    protected static String newKey(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    // ------------------------------------------------------------------------------------------ API

    protected Http.Response purchase(long user, String packageId, String token) {
        return http.post(
                "/v1/credits/purchase",
                token(user),
                "{\"package_id\":\"" + packageId + "\",\"payment_method\":\"card\",\"payment_token\":\"" + token
                        + "\"}");
    }

    protected Http.Response use(long user, long amount, String feature, String idempotencyKey) {
        return http.post(
                "/v1/credits/use",
                token(user),
                "{\"amount\":" + amount + ",\"feature\":\"" + feature + "\"}",
                Map.of("Idempotency-Key", idempotencyKey));
    }

    protected Http.Response grant(long user, long amount) {
        return http.post(
                "/v1/admin/credits/grants",
                adminToken(),
                "{\"user_id\":\"" + user + "\",\"amount\":" + amount + ",\"reason\":\"test credits\"}");
    }

    /** Gives {@code user} {@code amount} credits through an admin grant. */
    protected void fund(long user, long amount) {
        Http.Response r = grant(user, amount);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    protected Http.Response awaitPurchase(long user, String purchaseId, String status) {
        Await.until(
                "purchase " + purchaseId + " " + status,
                TIMEOUT,
                () -> status.equals(http.get("/v1/credits/purchases/" + purchaseId, token(user))
                        .text("status")));
        return http.get("/v1/credits/purchases/" + purchaseId, token(user));
    }

    protected ConfirmPaymentCommand awaitConfirm(String paymentKey) {
        Await.until(
                "confirm command of " + paymentKey,
                TIMEOUT,
                () -> PAYMENTS.confirm(paymentKey).isPresent());
        return PAYMENTS.confirm(paymentKey).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------ state

    protected long balance(long user) {
        List<Long> b = jdbc.queryForList("SELECT balance FROM credits WHERE user_id = ?", Long.class, user);
        return b.isEmpty() ? 0 : b.getFirst();
    }

    protected int historyRows(long user, String type) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM credit_history WHERE user_id = ? AND transaction_type = ?",
                Integer.class,
                user,
                type);
    }

    protected List<ConsumerRecord<String, String>> events(long user, String type) {
        return RECORDER.records(r -> r.topic().equals(CreditTopics.EVENTS)
                && Long.toString(user).equals(r.key())
                && type.equals(TopicRecorder.header(r, MessageHeaders.TYPE)));
    }

    protected List<ConsumerRecord<String, String>> awaitEvents(long user, String type, int count) {
        return RECORDER.await(
                r -> r.topic().equals(CreditTopics.EVENTS)
                        && Long.toString(user).equals(r.key())
                        && type.equals(TopicRecorder.header(r, MessageHeaders.TYPE)),
                count,
                TIMEOUT);
    }
}
