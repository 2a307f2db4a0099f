package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Spending credits, the balance and the history, and every bad input refused without a change. */
class UseCreditsIT extends CreditIntegrationTest {

    @Test
    void usingCreditsDebitsTheWalletAndShowsInBalanceAndHistory() {
        long user = newUser();
        fund(user, 100);

        Http.Response r = use(user, 3, "virtual-try-on", UUID.randomUUID().toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("credits_used").asLong()).isEqualTo(3);
        assertThat(r.json().get("new_balance").asLong()).isEqualTo(97);
        JsonNode balance = http.get("/v1/credits/balance", token(user)).json();
        assertThat(balance.get("balance").asLong()).isEqualTo(97);
        assertThat(balance.get("total_earned").asLong()).isEqualTo(100);
        assertThat(balance.get("total_spent").asLong()).isEqualTo(3);
        JsonNode latest = http.get("/v1/credits/history", token(user))
                .json()
                .get("transactions")
                .get(0);
        assertThat(latest.get("transaction_type").asString()).isEqualTo("usage");
        assertThat(latest.get("credits").asLong()).isEqualTo(-3);
        assertThat(latest.get("balance_after").asLong()).isEqualTo(97);
        assertThat(latest.get("description").asString()).isEqualTo("virtual-try-on (3 credits)");
        assertThat(latest.get("id").asString()).isEqualTo(r.text("transaction_id"));
    }

    @Test
    void theSameIdempotencyKeyNeverSpendsTwice() {
        long user = newUser();
        fund(user, 10);
        String key = UUID.randomUUID().toString();

        Http.Response first = use(user, 4, "animate", key);
        Http.Response again = use(user, 4, "animate", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("transaction_id")).isEqualTo(first.text("transaction_id"));
        assertThat(balance(user)).isEqualTo(6);
        assertThat(use(user, 5, "animate", key).status())
                .as("same key, other body")
                .isEqualTo(422);
        assertThat(balance(user)).isEqualTo(6);
    }

    @Test
    void aUseLargerThanTheBalanceIs402InsufficientCreditsAndChangesNothing() {
        long user = newUser();
        fund(user, 5);

        Http.Response r = use(user, 6, "animate", UUID.randomUUID().toString());

        assertThat(r.isProblem(402, "INSUFFICIENT_CREDITS")).as(r.toString()).isTrue();
        assertThat(r.json().get("balance").asLong()).isEqualTo(5);
        assertThat(r.json().get("required").asLong()).isEqualTo(6);
        assertThat(balance(user)).isEqualTo(5);
        assertThat(historyRows(user, "usage")).isZero();
        long newcomer = newUser();
        assertThat(use(newcomer, 1, "animate", UUID.randomUUID().toString()).isProblem(402, "INSUFFICIENT_CREDITS"))
                .as("no wallet yet")
                .isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credits WHERE user_id = ?", Integer.class, newcomer))
                .as("no wallet created for a refused use")
                .isZero();
    }

    @Test
    void badUsesAre400AndChangeNothing() {
        long user = newUser();
        fund(user, 50);
        for (String amount : new String[] {"0", "-1", "1.5", "10001", "1e30", "null", "\"abc\""}) {
            Http.Response r = http.post(
                    "/v1/credits/use",
                    token(user),
                    "{\"amount\":" + amount + ",\"feature\":\"animate\"}",
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(r.status()).as("amount " + amount + ": " + r).isEqualTo(400);
        }
        assertThat(http.post("/v1/credits/use", token(user), "{\"amount\":1,\"feature\":\"animate\"}")
                        .isProblem(400, "VALIDATION_FAILED"))
                .as("no Idempotency-Key")
                .isTrue();
        assertThat(use(user, 1, "", UUID.randomUUID().toString()).isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(use(user, 1, "Not A Feature!", UUID.randomUUID().toString()).isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(balance(user)).isEqualTo(50);
        assertThat(historyRows(user, "usage")).isZero();
    }

    @Test
    void historyIsNewestFirstPagedAndFilteredByType() {
        long user = newUser();
        fund(user, 100);
        for (int i = 1; i <= 4; i++) {
            assertThat(use(user, i, "animate", UUID.randomUUID().toString()).status())
                    .isEqualTo(200);
        }

        JsonNode page1 =
                http.get("/v1/credits/history?page=1&page_size=2", token(user)).json();
        JsonNode page3 =
                http.get("/v1/credits/history?page=3&page_size=2", token(user)).json();
        JsonNode usages = http.get("/v1/credits/history?transaction_type=usage&page_size=100", token(user))
                .json();
        JsonNode bonuses = http.get("/v1/credits/history?transaction_type=bonus", token(user))
                .json();

        assertThat(page1.get("total").asLong()).isEqualTo(5);
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("page_size").asInt()).isEqualTo(2);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        assertThat(page1.get("transactions").get(0).get("credits").asLong()).isEqualTo(-4);
        assertThat(page1.get("transactions").get(1).get("credits").asLong()).isEqualTo(-3);
        assertThat(page3.get("transactions").get(0).get("transaction_type").asString())
                .isEqualTo("bonus");
        assertThat(page3.get("has_more").asBoolean()).isFalse();
        assertThat(usages.get("total").asLong()).isEqualTo(4);
        assertThat(bonuses.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void badHistoryQueriesAre400() {
        long user = newUser();
        assertThat(http.get("/v1/credits/history?page_size=101", token(user)).isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(http.get("/v1/credits/history?page_size=0", token(user)).status())
                .isEqualTo(400);
        assertThat(http.get("/v1/credits/history?page=0", token(user)).status()).isEqualTo(400);
        assertThat(http.get("/v1/credits/history?transaction_type=gift", token(user))
                        .isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(http.get("/v1/credits/history?page=abc", token(user)).status())
                .isEqualTo(400);
        assertThat(http.get("/v1/credits/history", null).status()).isEqualTo(401);
    }

    @Test
    void aNewUserHasAnEmptyWallet() {
        JsonNode balance = http.get("/v1/credits/balance", token(newUser())).json();
        assertThat(balance.get("balance").asLong()).isZero();
        assertThat(balance.get("total_earned").asLong()).isZero();
        assertThat(balance.get("total_spent").asLong()).isZero();
    }
}
