package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.credit.application.DonationSagaMessages;
import com.creatorcommerce.credit.application.DonationSagaMessages.CloseDonation;
import com.creatorcommerce.credit.application.DonationSagaParticipant;
import com.creatorcommerce.credit.application.TopUpDonationSaga;
import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.FakePaymentService;
import com.creatorcommerce.credit.support.Http;
import com.creatorcommerce.platform.messaging.Envelopes;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Top up, then donate, in one call (issue 14): the top-up-then-donate saga on {@code infra/saga} with payment-service
 * played over the broker: approve, decline, not enough even after the top-up (the bought credits stay), a PG timeout
 * settled late (202, then COMPLETED), a top-up past its deadline (FAILED; a late approval still credits the wallet),
 * credit-service's own participant past its deadline (FAILED; the bought credits stay), and the admin saga API.
 */
class TopUpDonationIT extends CreditIntegrationTest {

    private static final TopicRecorder SAGA_REPLIES = TopicRecorder.of(DonationSagaMessages.REPLIES);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaTemplate<String, String> kafka;

    private long sagaOf(String donationId) {
        return jdbc.queryForObject(
                "SELECT saga_id FROM donations WHERE id = ?", Long.class, Long.parseLong(donationId));
    }

    private String sagaStatus(long sagaId) {
        return jdbc.queryForObject("SELECT status FROM saga_instance WHERE id = ?", String.class, sagaId);
    }

    /** The saga's current wait is over now (as if its participant stayed silent that long); the sweeper acts. */
    private void expireDeadline(long sagaId) {
        jdbc.update(
                "UPDATE saga_instance SET deadline_at = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6)) "
                        + "WHERE id = ? AND deadline_at IS NOT NULL",
                sagaId);
    }

    private List<String> stepLog(long sagaId) {
        return jdbc.queryForList(
                "SELECT CONCAT(COALESCE(step, 'saga'), ':', event) FROM saga_step_log "
                        + "WHERE saga_id = ? ORDER BY seq",
                String.class,
                sagaId);
    }

    private Http.Response donate(long donor, long creator, long credits, String packageId, String token, String key) {
        return http.post(
                "/v1/donations",
                token(donor),
                "{\"creator_id\":\"" + creator + "\",\"credits\":" + credits
                        + ",\"message\":\"from the top-up\",\"top_up\":{\"package_id\":\"" + packageId
                        + "\",\"payment_token\":\"" + token + "\"}}",
                Map.of("Idempotency-Key", key));
    }

    /** The donation's id, from a 201/202 body or from a 402 problem. */
    private static String donationId(Http.Response r) {
        return r.status() == 402 ? r.text("donation_id") : r.text("id");
    }

    /**
     * The donation once settled. The request waits {@code credit.settle-wait} for the top-up's payment; on a loaded
     * machine the payment can settle later, and the request answers 202 PENDING instead (then the outcome below is
     * the same, reached later).
     */
    private Http.Response settled(long donor, Http.Response r) {
        assertThat(r.status()).as(r.toString()).isIn(201, 202, 402);
        String id = donationId(r);
        Await.until(
                "donation " + id + " settled",
                TIMEOUT,
                () -> !"PENDING"
                        .equals(http.get("/v1/donations/" + id, token(donor)).text("status")));
        return http.get("/v1/donations/" + id, token(donor));
    }

    private String awaitDonation(long donor, String id, String status) {
        Await.until(
                "donation " + id + " " + status,
                TIMEOUT,
                () -> status.equals(
                        http.get("/v1/donations/" + id, token(donor)).text("status")));
        return status;
    }

    @Test
    void anApprovedTopUpIsSpentOnTheDonationAtOnce() {
        long donor = newUser();
        long creator = newUser();
        fund(donor, 5); // the older bonus lot is spent first

        Http.Response r = donate(donor, creator, 30, "basic_500", newKey("pk_approve_"), newKey("t-"));

        Http.Response view = settled(donor, r);
        assertThat(r.status()).as(r.toString()).isIn(201, 202);
        assertThat(view.text("status")).isEqualTo("COMPLETED");
        if (r.status() == 201) { // the request's own answer carries the balance after the donation
            assertThat(r.json().get("new_balance").asLong()).isEqualTo(475);
        }
        assertThat(view.text("top_up_purchase_id")).isNotBlank();
        assertThat(balance(donor)).isEqualTo(475);
        assertThat(jdbc.queryForList(
                        "SELECT remaining FROM credit_topups WHERE user_id = ? ORDER BY purchased_at, id",
                        Long.class,
                        donor))
                .containsExactly(0L, 475L);
        assertThat(awaitEvents(creator, CreditTopics.DONATION_COMPLETED, 1)).hasSize(1);
        assertThat(http.get("/v1/donations/received", token(creator))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        long saga = sagaOf(view.text("id"));
        Await.until("saga " + saga + " completed", TIMEOUT, () -> "COMPLETED".equals(sagaStatus(saga)));
        assertThat(stepLog(saga))
                .containsSubsequence(
                        "pay:COMMAND_SENT",
                        "pay:REPLY",
                        "credit-top-up:COMMAND_SENT",
                        "credit-top-up:REPLY",
                        "debit:COMMAND_SENT",
                        "debit:REPLY",
                        "saga:COMPLETED");
    }

    @Test
    void aDeclinedTopUpGivesNothingAndIs402() {
        long donor = newUser();
        long creator = newUser();

        Http.Response r = donate(donor, creator, 10, "starter_100", newKey("pk_decline_"), newKey("t-"));

        Http.Response view = settled(donor, r);
        assertThat(r.status() == 202 || r.isProblem(402, "PAYMENT_DECLINED"))
                .as(r.toString())
                .isTrue();
        assertThat(view.text("status")).isEqualTo("FAILED");
        assertThat(view.text("failure_code")).isEqualTo("PAYMENT_DECLINED");
        assertThat(balance(donor)).isZero();
        assertThat(http.get("/v1/donations/received", token(creator))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aDonationLargerThanBalanceAndTopUpFailsAndTheBoughtCreditsStay() {
        long donor = newUser();
        long creator = newUser();

        Http.Response r = donate(donor, creator, 150, "starter_100", newKey("pk_approve_"), newKey("t-"));

        Http.Response view = settled(donor, r);
        assertThat(r.status() == 202 || r.isProblem(402, "INSUFFICIENT_CREDITS"))
                .as(r.toString())
                .isTrue();
        assertThat(view.text("status")).isEqualTo("FAILED");
        assertThat(view.text("failure_code")).isEqualTo("INSUFFICIENT_CREDITS");
        assertThat(view.text("failure_reason")).contains("stay in your wallet");
        assertThat(balance(donor)).isEqualTo(100);
        assertThat(historyRows(donor, "donation")).isZero();
    }

    @Test
    void aPgTimeoutAnswers202AndTheDonationCompletesWhenThePaymentSettles() {
        long donor = newUser();
        long creator = newUser();
        String key = newKey("pk_slow_");

        Http.Response r = donate(donor, creator, 40, "starter_100", key, newKey("t-"));

        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.text("status")).isEqualTo("PENDING");
        assertThat(r.location()).isEqualTo("/v1/donations/" + r.text("id"));
        ConfirmPaymentCommand cmd = awaitConfirm(key);
        assertThat(cmd.amount()).as("starter_100 is 4.99 USD, in cents").isEqualTo(499);
        assertThat(cmd.currency())
                .as("the price's currency, not the KRW default")
                .isEqualTo("USD");
        PAYMENTS.approve(cmd, FakePaymentService.newMessageId());

        awaitDonation(donor, r.text("id"), "COMPLETED");
        assertThat(balance(donor)).isEqualTo(60);
        assertThat(historyRows(donor, "donation")).isEqualTo(1);
    }

    @Test
    void aTopUpPastItsDeadlineFailsTheDonationAndALateApprovalStillCreditsTheWallet() {
        long donor = newUser();
        long creator = newUser();
        String key = newKey("pk_slow_");
        Http.Response r = donate(donor, creator, 40, "starter_100", key, newKey("t-"));
        assertThat(r.status()).isEqualTo(202);
        // the participant (payment-service) stays silent past the pay step's deadline
        long saga = sagaOf(r.text("id"));
        expireDeadline(saga);

        awaitDonation(donor, r.text("id"), "FAILED");
        assertThat(sagaStatus(saga)).isEqualTo("COMPENSATED");
        assertThat(stepLog(saga)).contains("pay:DEADLINE");
        assertThat(http.get("/v1/donations/" + r.text("id"), token(donor)).text("failure_code"))
                .isEqualTo("TOP_UP_TIMEOUT");

        PAYMENTS.approve(awaitConfirm(key), FakePaymentService.newMessageId());
        awaitPurchase(donor, r.text("top_up_purchase_id"), "COMPLETED");
        assertThat(balance(donor)).isEqualTo(100);
        assertThat(historyRows(donor, "donation")).isZero();
        assertThat(http.get("/v1/donations/" + r.text("id"), token(donor)).text("status"))
                .isEqualTo("FAILED");
    }

    @Test
    void creditServicesOwnStepPastItsDeadlineFailsTheDonationAndTheBoughtCreditsStay() {
        long donor = newUser();
        long creator = newUser();
        String key = newKey("pk_slow_");
        Http.Response r = donate(donor, creator, 40, "starter_100", key, newKey("t-"));
        assertThat(r.status()).isEqualTo(202);
        long saga = sagaOf(r.text("id"));
        MessageListenerContainer commands = listeners.getListenerContainer(DonationSagaParticipant.CONSUMER);
        commands.stop(); // credit-service's own participant (credit.commands) stays silent
        try {
            PAYMENTS.approve(awaitConfirm(key), FakePaymentService.newMessageId());
            Await.until(
                    "saga " + saga + " waiting on its credit step",
                    TIMEOUT,
                    () -> stepLog(saga).contains("credit-top-up:COMMAND_SENT"));
            // every send of the step goes unanswered past its deadline: re-sent, then the saga gives up
            Await.until("saga " + saga + " compensated", TIMEOUT, () -> {
                expireDeadline(saga);
                return "COMPENSATED".equals(sagaStatus(saga));
            });
        } finally {
            commands.start();
        }

        awaitDonation(donor, r.text("id"), "FAILED");
        Http.Response view = http.get("/v1/donations/" + r.text("id"), token(donor));
        assertThat(view.text("failure_code")).isEqualTo("DONATION_TIMEOUT");
        assertThat(view.text("failure_reason")).contains("stay in your wallet");
        assertThat(stepLog(saga)).contains("credit-top-up:RETRY", "credit-top-up:DEADLINE", "saga:COMPENSATED");
        // the approval was settled by the purchase path anyway: the credits are the donor's, nothing was given
        awaitPurchase(donor, r.text("top_up_purchase_id"), "COMPLETED");
        Await.until("the re-sent credit commands handled", TIMEOUT, () -> balance(donor) == 100);
        assertThat(historyRows(donor, "purchase")).isEqualTo(1);
        assertThat(historyRows(donor, "donation")).isZero();
    }

    @Test
    void aClosedDonationIsNeverDebitedAndTheBoughtCreditsStay() throws Exception {
        long donor = newUser();
        long creator = newUser();
        String key = newKey("pk_slow_");
        Http.Response r = donate(donor, creator, 40, "starter_100", key, newKey("t-"));
        assertThat(r.status()).isEqualTo(202);
        String donationId = r.text("id");
        long saga = sagaOf(donationId);

        // the debit step's compensation, as the saga sends it when the debit goes unanswered (here ahead of time)
        kafka.send(Envelopes.record(
                        DonationSagaMessages.COMMANDS,
                        Long.toString(donor),
                        DonationSagaMessages.CLOSE_DONATION,
                        json.writeValueAsString(new CloseDonation(Long.parseLong(donationId))),
                        FakePaymentService.newMessageId(),
                        "/credit-service",
                        "test:close-" + saga,
                        donor))
                .get();
        ConsumerRecord<String, String> closed = SAGA_REPLIES
                .await(
                        rec -> Long.toString(donor).equals(rec.key())
                                && DonationSagaMessages.DONATION_CLOSED.equals(
                                        TopicRecorder.header(rec, MessageHeaders.TYPE)),
                        1,
                        TIMEOUT)
                .getFirst();
        assertThat(json.readTree(closed.value()).get("debited").asBoolean()).isFalse();
        assertThat(http.get("/v1/donations/" + donationId, token(donor)).text("failure_code"))
                .isEqualTo("DONATION_CLOSED");

        // the payment is approved later: the lot is credited, the debit arriving after the close is refused
        PAYMENTS.approve(awaitConfirm(key), FakePaymentService.newMessageId());
        Await.until("saga " + saga + " compensated", TIMEOUT, () -> "COMPENSATED".equals(sagaStatus(saga)));
        assertThat(stepLog(saga)).contains("credit-top-up:REPLY", "debit:REPLY");
        Http.Response view = http.get("/v1/donations/" + donationId, token(donor));
        assertThat(view.text("status")).isEqualTo("FAILED");
        assertThat(view.text("failure_reason")).contains("closed").contains("stay in your wallet");
        assertThat(balance(donor)).isEqualTo(100);
        assertThat(historyRows(donor, "donation")).isZero();
        assertThat(events(creator, CreditTopics.DONATION_COMPLETED)).isEmpty();
        assertThat(http.get("/v1/donations/received", token(creator))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void theAdminSagaApiListsAndShowsTheDonationSaga() {
        long donor = newUser();
        Http.Response r = donate(donor, newUser(), 20, "starter_100", newKey("pk_approve_"), newKey("t-"));
        Http.Response view = settled(donor, r);
        assertThat(view.text("status")).isEqualTo("COMPLETED");
        long saga = sagaOf(view.text("id"));
        Await.until("saga " + saga + " completed", TIMEOUT, () -> "COMPLETED".equals(sagaStatus(saga)));

        Http.Response list = http.get(
                "/v1/admin/credit-sagas?type=" + TopUpDonationSaga.TYPE + "&state=COMPLETED&page_size=100&page=1",
                adminToken());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        long total = list.json().get("total").asLong();
        assertThat(total).isPositive();
        Http.Response last = http.get(
                "/v1/admin/credit-sagas?type=" + TopUpDonationSaga.TYPE + "&state=COMPLETED&page_size=1" + "&page="
                        + total,
                adminToken()); // oldest first: the newest saga is on the last page
        assertThat(last.json().get("items").get(0).get("id").asString()).isEqualTo(Long.toString(saga));
        assertThat(last.json().get("items").get(0).get("type").asString()).isEqualTo(TopUpDonationSaga.TYPE);

        Http.Response detail = http.get("/v1/admin/credit-sagas/" + saga, adminToken());
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        assertThat(detail.text("status")).isEqualTo("COMPLETED");
        assertThat(detail.json().get("data").get("donation_id").asString()).isEqualTo(view.text("id"));
        assertThat(detail.json().get("steps"))
                .extracting(s -> s.get("step").asString() + ":" + s.get("event").asString())
                .contains("pay:REPLY", "credit-top-up:REPLY", "debit:REPLY");
        assertThat(http.get("/v1/admin/credit-sagas/" + saga, token(donor)).status())
                .isEqualTo(403);
    }

    @Test
    void badTopUpsAre400AndChangeNothing() {
        long donor = newUser();
        long creator = newUser();
        assertThat(donate(donor, creator, 10, "", newKey("pk_approve_"), newKey("t-"))
                        .isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(donate(donor, creator, 10, "starter_100", "bad token!", newKey("t-"))
                        .isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(donate(donor, donor, 10, "starter_100", newKey("pk_approve_"), newKey("t-"))
                        .isProblem(422, "SELF_DONATION"))
                .isTrue();
        assertThat(donate(donor, creator, 10, "no_such_pack", newKey("pk_approve_"), newKey("t-"))
                        .status())
                .isEqualTo(404);
        assertThat(balance(donor)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM donations WHERE donor_id = ?", Integer.class, donor))
                .isZero();
    }
}
