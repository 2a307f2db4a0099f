package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.credit.support.Concurrently;
import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.FakePaymentService;
import com.creatorcommerce.credit.support.Http;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Buying a package through payment-service (played by {@link FakePaymentService} over the real broker): approve,
 * decline, a PG timeout resolved by a late approval, the same payment token twice, duplicate Kafka deliveries.
 */
class PurchaseIT extends CreditIntegrationTest {

    @Test
    void anApprovedPurchaseAnswersSeed002sShapeAndCreditsThePackageOnce() {
        long user = newUser();
        String key = newKey("pk_approve_");

        Http.Response r = purchase(user, "basic_500", key);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("transaction_id").isString()).isTrue();
        assertThat(body.get("credits_added").asLong()).isEqualTo(500);
        assertThat(body.get("new_balance").asLong()).isEqualTo(500);
        assertThat(body.get("amount_paid").decimalValue()).isEqualByComparingTo(new BigDecimal("19.99"));
        assertThat(body.get("currency").asString()).isEqualTo("USD");
        assertThat(balance(user)).isEqualTo(500);
        assertThat(historyRows(user, "purchase")).isEqualTo(1);

        ConfirmPaymentCommand cmd = PAYMENTS.confirm(key).orElseThrow();
        assertThat(cmd.purpose()).isEqualTo(PaymentPurpose.CREDIT_TOPUP);
        assertThat(cmd.userId()).isEqualTo(user);
        assertThat(cmd.amount()).as("19.99 USD in cents").isEqualTo(1999);
        assertThat(cmd.currency())
                .as("the price's currency, not the KRW default")
                .isEqualTo("USD");
        assertThat(Long.toString(cmd.referenceId()))
                .isEqualTo(body.get("purchase_id").asString());

        JsonNode history = http.get("/v1/credits/history", token(user))
                .json()
                .get("transactions")
                .get(0);
        assertThat(history.get("id").asString())
                .isEqualTo(body.get("transaction_id").asString());
        assertThat(history.get("transaction_type").asString()).isEqualTo("purchase");
        assertThat(history.get("credits").asLong()).isEqualTo(500);
        assertThat(history.get("description").asString()).isEqualTo("Purchased Basic Pack (500 credits)");
        assertThat(jdbc.queryForObject(
                        "SELECT JSON_VALUE(extra_data, '$.package_id') FROM credit_history " + "WHERE id = ?",
                        String.class,
                        Long.parseLong(history.get("id").asString())))
                .isEqualTo("basic_500");

        JsonNode purchased = json.readTree(
                awaitEvents(user, CreditTopics.PURCHASED, 1).getFirst().value());
        assertThat(purchased.get("amount_paid").asString()).isEqualTo("19.99");
        assertThat(purchased.get("credits").asLong()).isEqualTo(500);
        assertThat(purchased.get("package_id").asString()).isEqualTo("basic_500");
        JsonNode changed = json.readTree(
                awaitEvents(user, CreditTopics.BALANCE_CHANGED, 1).getFirst().value());
        assertThat(changed.get("transaction_type").asString()).isEqualTo("purchase");
        assertThat(changed.get("balance_after").asLong()).isEqualTo(500);
    }

    @Test
    void aDeclinedPaymentIs402PaymentDeclinedAndCreditsNothing() {
        long user = newUser();
        String key = newKey("pk_decline_");

        Http.Response r = purchase(user, "starter_100", key);

        assertThat(r.isProblem(402, "PAYMENT_DECLINED")).as(r.toString()).isTrue();
        assertThat(r.text("failure_code")).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(balance(user)).isZero();
        assertThat(http.get("/v1/credits/purchases/" + r.text("purchase_id"), token(user))
                        .text("status"))
                .isEqualTo("FAILED");
        assertThat(events(user, CreditTopics.PURCHASED)).isEmpty();
        // the same token again: the same declined purchase, no second payment asked for
        assertThat(purchase(user, "starter_100", key).isProblem(402, "PAYMENT_DECLINED"))
                .isTrue();
        assertThat(PAYMENTS.confirms(key)).hasSize(1);
    }

    @Test
    void aPgTimeoutAnswers202AndALateApprovalCreditsOnce() {
        long user = newUser();
        String key = newKey("pk_slow_");

        Http.Response r = purchase(user, "pro_2000", key);

        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String id = r.text("purchase_id");
        assertThat(r.text("status")).isEqualTo("PENDING");
        assertThat(r.text("status_url")).isEqualTo("/v1/credits/purchases/" + id);
        assertThat(r.location()).isEqualTo("/v1/credits/purchases/" + id);
        assertThat(http.get(r.text("status_url"), token(user)).text("status")).isEqualTo("PENDING");
        assertThat(balance(user)).isZero();

        ConfirmPaymentCommand cmd = awaitConfirm(key);
        PAYMENTS.approve(cmd, FakePaymentService.newMessageId()); // the PG's status query found it DONE
        Http.Response done = awaitPurchase(user, id, "COMPLETED");

        assertThat(done.json().get("new_balance").asLong()).isEqualTo(2000);
        assertThat(done.json().get("amount_paid").decimalValue()).isEqualByComparingTo("69.99");
        assertThat(balance(user)).isEqualTo(2000);
        // the client retries the purchase call: the completed purchase's answer, nothing more
        Http.Response again = purchase(user, "pro_2000", key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("transaction_id")).isEqualTo(done.text("transaction_id"));
        assertThat(balance(user)).isEqualTo(2000);
        assertThat(historyRows(user, "purchase")).isEqualTo(1);
    }

    @Test
    void theSamePaymentTokenTwiceNeverCreditsTwice() {
        long user = newUser();
        String key = newKey("pk_approve_");

        Http.Response first = purchase(user, "starter_100", key);
        Http.Response second = purchase(user, "starter_100", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("purchase_id")).isEqualTo(first.text("purchase_id"));
        assertThat(second.text("transaction_id")).isEqualTo(first.text("transaction_id"));
        assertThat(balance(user)).isEqualTo(100);
        assertThat(PAYMENTS.confirms(key)).hasSize(1);
        // another user, or another package, with that token: refused
        assertThat(purchase(newUser(), "starter_100", key).isProblem(409, "PAYMENT_TOKEN_ALREADY_USED"))
                .isTrue();
        assertThat(purchase(user, "basic_500", key).isProblem(409, "PAYMENT_TOKEN_ALREADY_USED"))
                .isTrue();
        assertThat(balance(user)).isEqualTo(100);
    }

    @Test
    void concurrentPurchasesWithOneTokenMakeOnePurchase() throws Exception {
        long user = newUser();
        String key = newKey("pk_approve_");
        List<Http.Response> answers = Concurrently.run(8, i -> purchase(user, "starter_100", key));

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        assertThat(answers.stream().map(a -> a.text("purchase_id")).distinct()).hasSize(1);
        assertThat(balance(user)).isEqualTo(100);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit_purchases WHERE payment_key = ?", Integer.class, key))
                .isEqualTo(1);
    }

    @Test
    void duplicateKafkaDeliveriesOfTheApprovalCreditOnce() {
        long user = newUser();
        String key = newKey("pk_slow_");
        String id = purchase(user, "premium_5000", key).text("purchase_id");
        ConfirmPaymentCommand cmd = awaitConfirm(key);

        String messageId = FakePaymentService.newMessageId();
        PAYMENTS.approve(cmd, messageId);
        PAYMENTS.approve(cmd, messageId); // redelivered: the same message
        PAYMENTS.approve(cmd, FakePaymentService.newMessageId()); // repeated by payment-service: a new message
        awaitPurchase(user, id, "COMPLETED");
        // a later outcome on the same key (same partition, handled in order): once it is handled, so are the three
        String last = FakePaymentService.newMessageId();
        PAYMENTS.reply(
                id,
                PaymentTopics.FAILED,
                new PaymentFailed(
                        null,
                        key,
                        PaymentPurpose.CREDIT_TOPUP,
                        cmd.referenceId(),
                        user,
                        cmd.amount(),
                        "LATE",
                        "a stale failure",
                        Instant.now()),
                last,
                null,
                user);
        Await.until(
                "the later reply handled",
                TIMEOUT,
                () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM " + "processed_message WHERE message_id = ?", Integer.class, last)
                        == 1);

        assertThat(http.get("/v1/credits/purchases/" + id, token(user)).text("status"))
                .isEqualTo("COMPLETED");
        assertThat(balance(user)).isEqualTo(5000);
        assertThat(historyRows(user, "purchase")).isEqualTo(1);
        assertThat(awaitEvents(user, CreditTopics.PURCHASED, 1)).hasSize(1);
    }

    @Test
    void anApprovalThatDoesNotMatchThePurchaseIsGivenBackNotCredited() {
        long user = newUser();
        String key = newKey("pk_slow_");
        String id = purchase(user, "starter_100", key).text("purchase_id");
        ConfirmPaymentCommand cmd = awaitConfirm(key);

        PAYMENTS.approve(
                new ConfirmPaymentCommand(
                        cmd.paymentKey(), cmd.purpose(), cmd.referenceId(), cmd.userId(), cmd.amount() + 1),
                FakePaymentService.newMessageId());

        Http.Response failed = awaitPurchase(user, id, "FAILED");
        assertThat(failed.text("failure_code")).isEqualTo("PAYMENT_MISMATCH");
        Await.until(
                "the payment given back", TIMEOUT, () -> !PAYMENTS.cancels(key).isEmpty());
        assertThat(PAYMENTS.cancels(key).getFirst().cancelRequestId())
                .isEqualTo("credit-purchase-" + id + "-not-credited");
        Await.until(
                "refund recorded",
                TIMEOUT,
                () -> "REFUNDED"
                        .equals(http.get("/v1/credits/purchases/" + id, token(user))
                                .text("refund_status")));
        assertThat(balance(user)).isZero();
    }

    @Test
    void thePaymentCommandTravelsKeyedByThePaymentKeyWithTheBuyer() {
        long user = newUser();
        String key = newKey("pk_approve_");
        purchase(user, "starter_100", key);

        ConsumerRecord<String, String> command = RECORDER.await(
                        rec -> rec.topic().equals(PaymentTopics.COMMANDS) && key.equals(rec.key()), 1, TIMEOUT)
                .getFirst();
        assertThat(TopicRecorder.header(command, MessageHeaders.TYPE)).isEqualTo(PaymentTopics.CONFIRM);
        assertThat(TopicRecorder.header(command, MessageHeaders.USER_ID)).isEqualTo(Long.toString(user));
    }

    @Test
    void badPurchasesAre4xxProblemsAndChangeNothing() {
        long user = newUser();
        assertThat(purchase(user, "no_such_pack", newKey("pk_approve_")).isProblem(404, "CREDIT_PACKAGE_NOT_FOUND"))
                .isTrue();
        assertThat(http.post("/v1/credits/purchase", token(user), "{\"package_id\":\"starter_100\"}")
                        .isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(http.post(
                                "/v1/credits/purchase",
                                token(user),
                                "{\"package_id\":\"starter_100\",\"payment_token\":\"  \"}")
                        .isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(http.post(
                                "/v1/credits/purchase",
                                token(user),
                                "{\"package_id\":\"starter_100\",\"payment_token\":\"pk approve; drop\"}")
                        .isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(http.post("/v1/credits/purchase", token(user), "{\"package_id\":\"\",\"payment_token\":\"pk_x\"}")
                        .isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(http.post("/v1/credits/purchase", token(user), "not json").status())
                .isEqualTo(400);
        assertThat(http.post("/v1/credits/purchase", null, "{}").status()).isEqualTo(401);
        assertThat(http.get("/v1/credits/purchases/123", token(user)).isProblem(404, "PURCHASE_NOT_FOUND"))
                .isTrue();

        assertThat(balance(user)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_purchases WHERE user_id = ?", Integer.class, user))
                .isZero();
    }

    @Test
    void somebodyElsesPurchaseIsNotFound() {
        long user = newUser();
        String id = purchase(user, "starter_100", newKey("pk_approve_")).text("purchase_id");

        assertThat(http.get("/v1/credits/purchases/" + id, token(newUser())).isProblem(404, "PURCHASE_NOT_FOUND"))
                .isTrue();
    }
}
