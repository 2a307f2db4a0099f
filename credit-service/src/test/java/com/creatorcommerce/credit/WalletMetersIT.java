package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The wallet's business counters under the names the dashboard reads (issue 14): {@code credit.wallet.operations}
 * by {@code type} (purchase, usage, donation, refund, bonus) and {@code credit.wallet.refusals} by {@code reason};
 * every series exists before anything happened, a repeated request is not counted twice.
 */
class WalletMetersIT extends CreditIntegrationTest {

    private static final List<String> TYPES = List.of("purchase", "usage", "donation", "refund", "bonus");

    @Autowired
    MeterRegistry meters;

    private double operations(String type) {
        Counter c = meters.find("credit.wallet.operations").tag("type", type).counter();
        assertThat(c).as("credit.wallet.operations{type=" + type + "}").isNotNull();
        return c.count();
    }

    private double refusals(String reason) {
        Counter c = meters.find("credit.wallet.refusals").tag("reason", reason).counter();
        assertThat(c).as("credit.wallet.refusals{reason=" + reason + "}").isNotNull();
        return c.count();
    }

    private Map<String, Double> allOperations() {
        Map<String, Double> m = new LinkedHashMap<>();
        TYPES.forEach(t -> m.put(t, operations(t)));
        return m;
    }

    @Test
    void everyAppliedChangeIsCountedByTypeAndEveryRefusalByReason() {
        assertThat(meters.find("credit.wallet.refusals")
                        .tag("reason", "INSUFFICIENT_CREDITS")
                        .counter())
                .isNotNull();
        assertThat(meters.find("credit.wallet.refusals")
                        .tag("reason", "CREDIT_WALLET_BUSY")
                        .counter())
                .isNotNull();
        Map<String, Double> before = allOperations();
        double insufficientBefore = refusals("INSUFFICIENT_CREDITS");
        long user = newUser();

        fund(user, 10); // bonus
        Http.Response bought = purchase(user, "basic_500", newKey("pk_approve_")); // purchase
        assertThat(bought.status()).as(bought.toString()).isEqualTo(200);
        String useKey = newKey("u-");
        assertThat(use(user, 5, "sticker", useKey).status()).isEqualTo(200); // usage
        assertThat(use(user, 5, "sticker", useKey).status()).isEqualTo(200); // the same use again: not counted
        Http.Response donated = http.post(
                "/v1/donations",
                token(user),
                "{\"creator_id\":\"" + newUser() + "\",\"credits\":105}",
                Map.of("Idempotency-Key", newKey("d-"))); // donation (bonus lot, then 100)
        assertThat(donated.status()).as(donated.toString()).isEqualTo(201);
        long lot = jdbc.queryForObject(
                "SELECT id FROM credit_topups WHERE user_id = ? AND source = 'purchase'", Long.class, user);
        Http.Response refunded = http.post("/v1/credits/topups/" + lot + "/refund", token(user), ""); // refund
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(202);
        assertThat(use(user, 1, "sticker", newKey("u-")).isProblem(402, "INSUFFICIENT_CREDITS"))
                .isTrue(); // refused

        Map<String, Double> after = allOperations();
        TYPES.forEach(t -> assertThat(after.get(t) - before.get(t)).as(t).isEqualTo(1.0));
        assertThat(refusals("INSUFFICIENT_CREDITS") - insufficientBefore).isEqualTo(1.0);
        assertThat(balance(user)).isZero();
    }
}
