package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.credit.support.Concurrently;
import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import com.creatorcommerce.platform.test.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Donations from the balance (issue 14): FIFO debit, COMPLETED row, {@code donation} history row and
 * {@code donation.completed.v1} keyed by the creator; refusals change nothing; sent/received lists.
 */
class DonationIT extends CreditIntegrationTest {

    private Http.Response donate(long donor, String creator, String credits, String message, String key) {
        String body = "{\"creator_id\":" + (creator == null ? "null" : "\"" + creator + "\"") + ",\"credits\":"
                + credits + (message == null ? "" : ",\"message\":" + json.writeValueAsString(message)) + "}";
        return http.post("/v1/donations", token(donor), body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    @Test
    void aDonationDebitsFifoCompletesAndIsSeenByBothSides() {
        long donor = newUser();
        long creator = newUser();
        fund(donor, 10);
        fund(donor, 50);
        String key = newKey("don-");

        Http.Response r = donate(donor, Long.toString(creator), "30", "응원합니다! keep going", key);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("status")).isEqualTo("COMPLETED");
        assertThat(r.text("creator_id")).isEqualTo(Long.toString(creator));
        assertThat(r.json().get("new_balance").asLong()).isEqualTo(30);
        assertThat(r.location()).isEqualTo("/v1/donations/" + r.text("id"));
        assertThat(balance(donor)).isEqualTo(30);
        assertThat(balance(creator)).isZero();
        assertThat(historyRows(donor, "donation")).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT remaining FROM credit_topups WHERE user_id = ? ORDER BY purchased_at, id",
                        Long.class,
                        donor))
                .containsExactly(0L, 30L);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit_usages WHERE history_id = ?",
                        Integer.class,
                        Long.parseLong(r.text("transaction_id"))))
                .isEqualTo(2);

        Http.Response replay = donate(donor, Long.toString(creator), "30", "응원합니다! keep going", key);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(201); // the web layer replays the first answer
        assertThat(replay.text("id")).isEqualTo(r.text("id"));
        assertThat(balance(donor)).isEqualTo(30);
        assertThat(donate(donor, Long.toString(creator), "31", null, key).isProblem(422, "IDEMPOTENCY_KEY_REUSED"))
                .isTrue();

        JsonNode sent = http.get("/v1/donations/sent", token(donor)).json();
        assertThat(sent.get("total").asLong()).isEqualTo(1);
        assertThat(sent.get("items").get(0).get("id").asString()).isEqualTo(r.text("id"));
        JsonNode received =
                http.get("/v1/donations/received?page_size=10", token(creator)).json();
        assertThat(received.get("items").get(0).get("message").asString()).isEqualTo("응원합니다! keep going");
        assertThat(received.get("items").get(0).get("donor_id").asString()).isEqualTo(Long.toString(donor));
        assertThat(received.get("has_more").asBoolean()).isFalse();
        assertThat(http.get("/v1/donations/received", token(donor))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(http.get("/v1/donations/" + r.text("id"), token(creator)).status())
                .isEqualTo(200);
        assertThat(http.get("/v1/donations/" + r.text("id"), token(newUser())).isProblem(404, "DONATION_NOT_FOUND"))
                .isTrue();
    }

    @Test
    void listsArePagedNewestFirstAndOwnOnly() {
        long donor = newUser();
        long creator = newUser();
        fund(donor, 100);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(donate(donor, Long.toString(creator), Integer.toString(i), "#" + i, newKey("page-"))
                    .text("id"));
        }
        JsonNode page1 =
                http.get("/v1/donations/sent?page=1&page_size=2", token(donor)).json();
        JsonNode page3 =
                http.get("/v1/donations/sent?page=3&page_size=2", token(donor)).json();
        assertThat(page1.get("total").asLong()).isEqualTo(5);
        assertThat(page1.get("page_size").asInt()).isEqualTo(2);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        assertThat(List.of(
                        page1.get("items").get(0).get("id").asString(),
                        page1.get("items").get(1).get("id").asString()))
                .containsExactly(ids.get(4), ids.get(3));
        assertThat(page3.get("items").size()).isEqualTo(1);
        assertThat(page3.get("has_more").asBoolean()).isFalse();
        assertThat(http.get("/v1/donations/received", token(creator))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(5);
        assertThat(http.get("/v1/donations/sent", token(creator))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(http.get("/v1/donations/sent?page_size=101", token(donor)).isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
    }

    @Test
    void badDonationsAre4xxProblemsAndChangeNothing() {
        long donor = newUser();
        long creator = newUser();
        fund(donor, 20);
        String c = Long.toString(creator);

        assertThat(donate(donor, Long.toString(donor), "5", null, newKey("bad-"))
                        .isProblem(422, "SELF_DONATION"))
                .isTrue();
        for (String creatorId : new String[] {null, "", "abc", "0", "-5", "0123", "99999999999999999999"}) {
            assertThat(donate(donor, creatorId, "5", null, newKey("bad-")).isProblem(400, "VALIDATION_FAILED"))
                    .as("creator " + creatorId)
                    .isTrue();
        }
        for (String credits : new String[] {"0", "-1", "2.5", "null", "10000000000"}) {
            assertThat(donate(donor, c, credits, null, newKey("bad-")).isProblem(400, "VALIDATION_FAILED"))
                    .as("credits " + credits)
                    .isTrue();
        }
        assertThat(donate(donor, c, "5", "x".repeat(201), newKey("bad-")).isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(donate(donor, c, "5", "가".repeat(200), newKey("ok-")).status())
                .isEqualTo(201);
        assertThat(donate(donor, c, "5", null, null).isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        Http.Response broke = donate(donor, c, "16", null, newKey("bad-"));
        assertThat(broke.isProblem(402, "INSUFFICIENT_CREDITS"))
                .as(broke.toString())
                .isTrue();
        assertThat(broke.json().get("balance").asLong()).isEqualTo(15);

        assertThat(balance(donor)).isEqualTo(15);
        assertThat(historyRows(donor, "donation")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM donations WHERE donor_id = ?", Integer.class, donor))
                .isEqualTo(1);
    }

    @Test
    void aHundredConcurrentDonationsFromOneWalletAreExactAndNeverNegative() throws Exception {
        long donor = newUser();
        long creator = newUser();
        fund(donor, 100);
        fund(donor, 100);
        fund(donor, 50);

        List<Integer> statuses = Concurrently.run(
                100,
                i -> donate(donor, Long.toString(creator), "3", "#" + i, newKey("hot-"))
                        .status());

        // 250 credits cover 83 donations of 3
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(83);
        assertThat(statuses.stream().filter(s -> s == 402).count()).isEqualTo(17);
        assertThat(balance(donor)).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT remaining FROM credit_topups WHERE user_id = ? ORDER BY purchased_at, id",
                        Long.class,
                        donor))
                .containsExactly(0L, 0L, 1L);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM donations WHERE donor_id = ? AND status = 'COMPLETED'",
                        Integer.class,
                        donor))
                .isEqualTo(83);
        assertThat(jdbc.queryForObject(
                        "SELECT MIN(balance_after) FROM credit_history WHERE user_id = ?", Long.class, donor))
                .isEqualTo(1);
    }

    @Test
    void aPlainKafkaConsumerReadsTheDonationEventWithCloudEventsHeaders() {
        long donor = newUser();
        long creator = newUser();
        fund(donor, 9);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "donation-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(CreditTopics.EVENTS));
            Http.Response r = donate(donor, Long.toString(creator), "7", "hello on stream", newKey("ev-"));
            assertThat(r.status()).isEqualTo(201);

            ConsumerRecord<String, String> event = null;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (event == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (Long.toString(creator).equals(rec.key())
                            && "donation.completed.v1".equals(header(rec, "ce_type"))) { // the issue's name
                        event = rec;
                    }
                }
            }
            assertThat(event).as("donation.completed.v1 keyed by the creator").isNotNull();
            assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(event, "ce_id")).isNotBlank();
            assertThat(header(event, "ce_source")).contains("credit-service");
            assertThat(header(event, "ce_time")).isNotBlank();
            assertThat(header(event, "content-type")).isEqualTo("application/json");
            JsonNode payload = json.readTree(event.value());
            assertThat(payload.get("donation_id").asString()).isEqualTo(r.text("id"));
            assertThat(payload.get("donor_id").asString()).isEqualTo(Long.toString(donor));
            assertThat(payload.get("creator_id").asString()).isEqualTo(Long.toString(creator));
            assertThat(payload.get("credits").asLong()).isEqualTo(7);
            assertThat(payload.get("message").asString()).isEqualTo("hello on stream");
            assertThat(payload.get("transaction_id").asString()).isEqualTo(r.text("transaction_id"));
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
