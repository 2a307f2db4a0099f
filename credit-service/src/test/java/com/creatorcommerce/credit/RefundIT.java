package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.credit.support.Concurrently;
import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import com.creatorcommerce.platform.test.Await;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refunds of a lot's unspent credits (issue 14): exact money through a partial cancel, every refusal a 4xx problem
 * that changes nothing, and a refund racing a donation on the same lot never lets both use the same credits.
 */
class RefundIT extends CreditIntegrationTest {

    /** Buys basic_500 (19.99 USD) and returns its lot id. */
    private long buyBasic(long user, String paymentKey) {
        Http.Response r = purchase(user, "basic_500", paymentKey);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return jdbc.queryForObject(
                "SELECT id FROM credit_topups WHERE user_id = ? AND source = 'purchase' AND " + "source_id = ?",
                Long.class,
                user,
                r.text("purchase_id"));
    }

    private Http.Response donate(long donor, long creator, long credits) {
        return http.post(
                "/v1/donations",
                token(donor),
                "{\"creator_id\":\"" + creator + "\",\"credits\":" + credits + "}",
                Map.of("Idempotency-Key", newKey("d-")));
    }

    private Http.Response refund(long user, long lot) {
        return http.post("/v1/credits/topups/" + lot + "/refund", token(user), "");
    }

    @Test
    void aPartlySpentLotRefundsItsRemainingAtItsPriceRoundedDownThroughAPartialCancel() {
        long user = newUser();
        String key = newKey("pk_approve_");
        long lot = buyBasic(user, key);
        assertThat(donate(user, newUser(), 200).status()).isEqualTo(201);

        Http.Response r = refund(user, lot);

        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().get("credits").asLong()).isEqualTo(300);
        assertThat(r.json().get("amount").decimalValue()).isEqualByComparingTo("11.99"); // 19.99 x 300 / 500 = 11.994
        assertThat(r.location()).isEqualTo("/v1/credits/refunds/" + r.text("id"));
        assertThat(balance(user)).isZero();
        assertThat(historyRows(user, "refund")).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT remaining, status FROM credit_topups WHERE id = ?", lot);
        assertThat(((Number) row.get("remaining")).longValue()).isZero();
        assertThat(row.get("status")).isEqualTo("REFUNDED");

        Await.until("the partial cancel", TIMEOUT, () -> !PAYMENTS.cancels(key).isEmpty());
        CancelPaymentCommand cancel = PAYMENTS.cancels(key).getFirst();
        assertThat(cancel.cancelAmount()).as("11.99 USD in cents").isEqualTo(1199);
        assertThat(cancel.cancelRequestId()).isEqualTo("credit-refund-" + r.text("id"));
        Await.until(
                "refund completed",
                TIMEOUT,
                () -> "COMPLETED"
                        .equals(http.get("/v1/credits/refunds/" + r.text("id"), token(user))
                                .text("status")));
        assertThat(jdbc.queryForObject("SELECT amount FROM refund_logs WHERE lot_id = ?", BigDecimal.class, lot))
                .isEqualByComparingTo("11.99");

        assertThat(refund(user, lot).isProblem(409, "ALREADY_REFUNDED")).isTrue();
        assertThat(PAYMENTS.cancels(key)).hasSize(1);
        assertThat(historyRows(user, "refund")).isEqualTo(1);
    }

    @Test
    void refusedRefundsAre4xxProblemsAndChangeNothing() {
        long user = newUser();
        long spent = buyBasic(user, newKey("pk_approve_"));
        assertThat(donate(user, newUser(), 500).status()).isEqualTo(201);
        assertThat(refund(user, spent).isProblem(409, "NOTHING_TO_REFUND")).isTrue();

        long other = buyBasic(user, newKey("pk_approve_"));
        assertThat(refund(newUser(), other).isProblem(404, "TOPUP_NOT_FOUND")).isTrue();
        assertThat(refund(user, 12345).isProblem(404, "TOPUP_NOT_FOUND")).isTrue();
        assertThat(refund(user, -1).status()).isBetween(400, 404);
        jdbc.update(
                "UPDATE credit_topups SET refundable_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?", other);
        assertThat(refund(user, other).isProblem(409, "REFUND_PERIOD_EXPIRED")).isTrue();

        fund(user, 10);
        long bonus = jdbc.queryForObject(
                "SELECT id FROM credit_topups WHERE user_id = ? AND source = 'bonus'", Long.class, user);
        assertThat(refund(user, bonus).isProblem(409, "TOPUP_NOT_REFUNDABLE")).isTrue();

        assertThat(balance(user)).isEqualTo(510);
        assertThat(historyRows(user, "refund")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refund_logs WHERE user_id = ?", Integer.class, user))
                .isZero();
        assertThat(http.get("/v1/credits/topups?page_size=2", token(user))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void aRefundRacingADonationOnTheSameLotNeverUsesTheSameCreditsTwice() throws Exception {
        for (int round = 0; round < 5; round++) {
            long user = newUser();
            long lot = buyBasic(user, newKey("pk_approve_"));
            long creator = newUser();

            List<Http.Response> both =
                    Concurrently.run(2, i -> i == 0 ? donate(user, creator, 300) : refund(user, lot));

            Http.Response donation = both.get(0);
            Http.Response refund = both.get(1);
            long donated = donation.status() == 201 ? 300 : 0;
            long refunded =
                    refund.status() == 202 ? refund.json().get("credits").asLong() : 0;
            assertThat(donated + refunded).as(donation + " / " + refund).isEqualTo(500);
            if (donated == 0) {
                assertThat(donation.isProblem(402, "INSUFFICIENT_CREDITS")).isTrue();
            }
            assertThat(balance(user)).isZero();
            assertThat(jdbc.queryForObject(
                            "SELECT COALESCE(SUM(credits), 0) FROM credit_usages WHERE lot_id = ?", Long.class, lot))
                    .isEqualTo(500);
            assertThat(jdbc.queryForObject(
                            "SELECT COALESCE(SUM(credits), 0) FROM refund_logs WHERE lot_id = ?", Long.class, lot))
                    .isEqualTo(refunded);
        }
    }
}
