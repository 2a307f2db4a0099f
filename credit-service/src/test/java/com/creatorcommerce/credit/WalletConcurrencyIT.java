package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.credit.support.Concurrently;
import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import com.creatorcommerce.credit.support.LedgerChecks;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One wallet under real concurrency, through the HTTP API on the real database: seed 000's scenario (5 concurrent uses
 * of 3 credits) and 100 concurrent uses, with exact counts, the version counting every change, and seed 000's
 * integrity queries returning no mismatch after each test ({@link LedgerChecks}, run after every test).
 */
class WalletConcurrencyIT extends CreditIntegrationTest {

    private List<Http.Response> concurrentUses(long user, int n, long amount) throws Exception {
        return Concurrently.run(
                n, i -> use(user, amount, "virtual-try-on", UUID.randomUUID().toString()));
    }

    private long version(long user) {
        return jdbc.queryForObject("SELECT version FROM credits WHERE user_id = ?", Long.class, user);
    }

    @Test
    void seed000FiveConcurrentVirtualTryOnsOfThreeCreditsAllSucceedAndDeductFifteen() throws Exception {
        long user = newUser();
        fund(user, 100);
        long versionBefore = version(user);

        List<Http.Response> answers = concurrentUses(user, 5, 3);

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        assertThat(balance(user)).isEqualTo(100 - 15);
        assertThat(historyRows(user, "usage")).isEqualTo(5);
        assertThat(version(user)).as("one version per change").isEqualTo(versionBefore + 5);
        assertThat(answers.stream()
                        .map(a -> a.json().get("new_balance").asLong())
                        .sorted()
                        .toList())
                .as("each use saw its own balance: no lost update")
                .containsExactly(85L, 88L, 91L, 94L, 97L);
        assertThat(jdbc.queryForList(LedgerChecks.SEED_BALANCE_EQUALS_HISTORY)).isEmpty();
    }

    @Test
    void aHundredConcurrentUsesOfOneWalletAllSucceedWhenTheBalanceCoversThem() throws Exception {
        long user = newUser();
        fund(user, 300);

        List<Http.Response> answers = concurrentUses(user, 100, 3);

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        assertThat(balance(user)).isZero();
        assertThat(historyRows(user, "usage")).isEqualTo(100);
        assertThat(version(user)).isEqualTo(101);
        assertThat(answers.stream()
                        .map(a -> a.json().get("new_balance").asLong())
                        .distinct()
                        .count())
                .as("100 distinct balances after: each use applied once, in some order")
                .isEqualTo(100);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE topic = ? AND message_key = ? " + "AND event_type = ?",
                        Integer.class,
                        CreditTopics.EVENTS,
                        Long.toString(user),
                        CreditTopics.BALANCE_CHANGED))
                .as("one event per history row, in the same transactions")
                .isEqualTo(101);
        assertThat(awaitEvents(user, CreditTopics.BALANCE_CHANGED, 1)).isNotEmpty();
    }

    @Test
    void aHundredConcurrentUsesOnAWalletCoveringFortySucceedExactlyForty() throws Exception {
        long user = newUser();
        fund(user, 120);

        List<Http.Response> answers = concurrentUses(user, 100, 3);

        assertThat(answers.stream().filter(a -> a.status() == 200).count()).isEqualTo(40);
        assertThat(answers.stream()
                        .filter(a -> a.isProblem(402, "INSUFFICIENT_CREDITS"))
                        .count())
                .isEqualTo(60);
        assertThat(balance(user)).isZero();
        assertThat(historyRows(user, "usage")).isEqualTo(40);
        assertThat(version(user)).isEqualTo(41);
    }

    @Test
    void whenTheBalanceCoversNoneNoneSucceeds() throws Exception {
        long user = newUser();
        fund(user, 2);

        List<Http.Response> answers = concurrentUses(user, 100, 3);

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.isProblem(402, "INSUFFICIENT_CREDITS"))
                        .as(a.toString())
                        .isTrue());
        assertThat(balance(user)).isEqualTo(2);
        assertThat(historyRows(user, "usage")).isZero();
        assertThat(version(user)).isEqualTo(1);
    }

    @Test
    void concurrentPurchasesGrantsAndUsesOfOneWalletLoseNothing() throws Exception {
        long user = newUser();
        fund(user, 50);

        List<Http.Response> answers = Concurrently.run(60, i -> switch (i % 3) {
            case 0 -> purchase(user, "starter_100", newKey("pk_approve_"));
            case 1 -> grant(user, 7);
            default -> use(user, 20, "animate", UUID.randomUUID().toString());
        });

        assertThat(answers.stream().filter(a -> a.status() >= 500).toList()).isEmpty();
        long purchases = historyRows(user, "purchase");
        long uses = historyRows(user, "usage");
        assertThat(purchases).isEqualTo(20);
        assertThat(historyRows(user, "bonus")).isEqualTo(21);
        assertThat(uses)
                .isEqualTo(answers.stream()
                        .filter(a -> a.status() == 200 && a.json().has("credits_used"))
                        .count());
        assertThat(balance(user)).isEqualTo(50 + purchases * 100 + 20 * 7 - uses * 20);
    }
}
