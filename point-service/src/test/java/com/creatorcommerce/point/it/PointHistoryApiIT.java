package com.creatorcommerce.point.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.point.application.ledger.LedgerEntry;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /v1/points/balance and /v1/points/transactions: the caller's own wallet, newest first, paged, filtered. */
class PointHistoryApiIT extends PointIntegrationTest {

    @Autowired
    PointLedger ledger;

    private long apply(long user, TransactionType type, long amount, long reference) {
        ledger.apply(new LedgerEntry(user, type, amount, ReferenceType.ORDER, reference, null, null));
        return reference;
    }

    @Test
    void aUserWithoutAWalletHasZero() {
        JsonNode balance = body(get("/v1/points/balance", newId()));
        assertThat(balance.get("balance").asLong()).isZero();
        JsonNode page = body(get("/v1/points/transactions", newId()));
        assertThat(page.get("transactions").size()).isZero();
        assertThat(page.get("total").asLong()).isZero();
        assertThat(page.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void historyIsNewestFirstPagedAndFilteredByTypeAndOnlyTheCallers() {
        long user = newId();
        long someoneElse = newId();
        long first = apply(user, TransactionType.CHARGE, 10_000, newId());
        long second = apply(user, TransactionType.USE, 3_000, newId());
        apply(user, TransactionType.REFUND, 3_000, second);
        apply(user, TransactionType.USE, 1_000, newId());
        apply(someoneElse, TransactionType.CHARGE, 50_000, newId());

        JsonNode page1 = body(get("/v1/points/transactions?page=1&page_size=3", user));
        JsonNode page2 = body(get("/v1/points/transactions?page=2&page_size=3", user));

        assertThat(page1.get("total").asLong()).isEqualTo(4);
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("page_size").asInt()).isEqualTo(3);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        JsonNode newest = page1.get("transactions").get(0);
        assertThat(newest.get("transaction_type").asString()).isEqualTo("USE");
        assertThat(newest.get("amount").asLong()).isEqualTo(-1_000);
        assertThat(newest.get("balance_before").asLong()).isEqualTo(10_000);
        assertThat(newest.get("balance_after").asLong()).isEqualTo(9_000);
        assertThat(newest.get("id").isString()).isTrue();
        assertThat(page1.get("transactions").get(1).get("transaction_type").asString())
                .isEqualTo("REFUND");
        assertThat(page2.get("transactions").size()).isEqualTo(1);
        assertThat(page2.get("has_more").asBoolean()).isFalse();
        assertThat(page2.get("transactions").get(0).get("reference_id").asString())
                .isEqualTo(Long.toString(first));

        JsonNode uses = body(get("/v1/points/transactions?type=use", user));
        assertThat(uses.get("total").asLong()).isEqualTo(2);
        assertThat(uses.get("transactions"))
                .allSatisfy(
                        t -> assertThat(t.get("transaction_type").asString()).isEqualTo("USE"));
        assertThat(body(get("/v1/points/balance", user)).get("balance").asLong())
                .isEqualTo(9_000);
        assertLedgerInvariants();
    }

    @Test
    void badPagingOrTypeIsA400Problem() {
        long user = newId();
        assertProblem(get("/v1/points/transactions?type=gift", user), 400, "INVALID_TRANSACTION_TYPE");
        assertProblem(get("/v1/points/transactions?page=0", user), 400, "VALIDATION_FAILED");
        assertProblem(get("/v1/points/transactions?page_size=101", user), 400, "VALIDATION_FAILED");
    }
}
