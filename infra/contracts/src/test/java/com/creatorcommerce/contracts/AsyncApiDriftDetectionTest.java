package com.creatorcommerce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.AsyncApiChecks.Catalog;
import com.creatorcommerce.contracts.AsyncApiChecks.Expected;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each check of {@link AsyncApiContractTest} notices a drift: the document (a copy, changed in memory) or the
 * catalog is broken in one place, and the check must name that place. (That the real document has no problem at
 * all is {@link AsyncApiContractTest}'s job, so a problem found here is the one the change made.)
 */
class AsyncApiDriftDetectionTest {

    private static final AsyncApiDocument DOCUMENT = AsyncApiDocument.load();
    private static final ContractClasses CONTRACTS = ContractClasses.scan();

    @Test
    void aWrongVersionOrServerIsReported() {
        assertThat(problems(doc -> doc.map("servers", "compose").put("host", "kafka:29092"), AsyncApiChecks::document))
                .anyMatch(p -> p.contains("servers.compose"));
        assertThat(problems(doc -> doc.map("info").put("version", "0.2.0"), AsyncApiChecks::document))
                .anyMatch(p -> p.contains("info.version"));
    }

    @Test
    void aDanglingReferenceIsReported() {
        assertThat(problems(doc -> doc.map("components", "schemas").remove("Id"), AsyncApiChecks::references))
                .anyMatch(p -> p.contains("'#/components/schemas/Id'") && p.contains("does not resolve"));
    }

    @Test
    void aTopicWithoutChannelAndAChannelWithoutTopicAreReported() {
        assertThat(problems(doc -> doc.map("channels").remove("pointEvents"), AsyncApiChecks::channels))
                .anyMatch(p -> p.contains("PointTopics.EVENTS (\"point.events\") has no channel"));
        assertThat(problems(
                        doc -> doc.map("channels", "couponEvents").put("address", "coupon.event"),
                        AsyncApiChecks::channels))
                .anyMatch(p -> p.contains("'coupon.event', which is no topic constant"))
                .anyMatch(p -> p.contains("CouponTopics.EVENTS (\"coupon.events\") has no channel"));
    }

    @Test
    void aMessageMissingFromItsChannelOrOnAWrongOneIsReported() {
        assertThat(problems(
                        doc -> doc.map("channels", "paymentEvents", "messages").remove("payment.cancelled.v1"),
                        AsyncApiChecks::messages))
                .anyMatch(p ->
                        p.contains("channel paymentEvents (payment.events) lacks message" + " 'payment.cancelled.v1'"));
        assertThat(problems(
                        doc -> doc.map("channels", "paymentEvents", "messages")
                                .put(
                                        "payment.cancel-failed.v1",
                                        Map.of("$ref", "#/components/messages/payment.cancel-failed.v1")),
                        AsyncApiChecks::messages))
                .anyMatch(p -> p.contains("has message 'payment.cancel-failed.v1'"));
    }

    @Test
    void aMessageNotNamedAfterItsTypeOrWithTheWrongRecordOrCeTypeIsReported() {
        assertThat(problems(
                        doc -> doc.map("components", "messages", "coupon.issued.v1")
                                .put("name", "CouponIssued"),
                        AsyncApiChecks::messages))
                .anyMatch(p -> p.contains("components.messages['coupon.issued.v1'].name must be"));
        assertThat(problems(
                        doc -> doc.map("components", "messages", "coupon.issued.v1")
                                .put("x-java-type", "com.creatorcommerce.contracts.coupon.CouponUsed"),
                        AsyncApiChecks::messages))
                .anyMatch(p -> p.contains("x-java-type"));
        assertThat(problems(
                        doc -> ceTypeHeader(doc, "coupon.issued.v1").put("const", "coupon.used.v1"),
                        AsyncApiChecks::messages))
                .anyMatch(p -> p.contains("'coupon.issued.v1' headers must fix ce_type"));
    }

    @Test
    void aStaleComponentMessageIsReported() {
        assertThat(problems(
                        doc -> doc.map("components", "messages")
                                .put("coupon.expired.v1", new LinkedHashMap<>(Map.of("name", "coupon.expired.v1"))),
                        AsyncApiChecks::messages))
                .anyMatch(p -> p.contains("components.messages['coupon.expired.v1'] is no type of the contracts"));
    }

    @Test
    void aTypeConstantMissingFromTheCatalogIsReported() {
        Map<String, Expected> messages = new LinkedHashMap<>(AsyncApiContractTest.MESSAGES);
        messages.remove(CouponTopics.USED);
        AsyncApiChecks checks = new AsyncApiChecks(
                DOCUMENT,
                CONTRACTS,
                new Catalog(messages, AsyncApiContractTest.NULLABLE, AsyncApiContractTest.OPTIONAL));

        assertThat(checks.messages())
                .anyMatch(p -> p.startsWith(
                        "CouponTopics.USED (\"coupon.used.v1\") is not in" + " AsyncApiContractTest.MESSAGES"));
        assertThat(checks.records())
                .anyMatch(p -> p.startsWith("com.creatorcommerce.contracts.coupon.CouponUsed is a"
                        + " contract record that no message carries"));
    }

    @Test
    void envelopeHeadersThatDriftAreReported() {
        assertThat(problems(
                        doc -> editList(
                                doc.map("components", "schemas", "CloudEventsHeaders"),
                                "required",
                                required -> required.remove("traceparent")),
                        AsyncApiChecks::envelope))
                .anyMatch(p -> p.contains("CloudEventsHeaders.required") && p.contains("[traceparent]"));
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "CloudEventsHeaders", "properties")
                                .remove("user_id"),
                        AsyncApiChecks::envelope))
                .anyMatch(p -> p.contains("missing [user_id]"));
    }

    @Test
    void aRenamedOrMissingPayloadPropertyIsReported() {
        List<String> problems = problems(
                doc -> {
                    Map<String, Object> properties = doc.map("components", "schemas", "CouponIssued", "properties");
                    properties.put("issuedAt", properties.remove("issued_at"));
                },
                AsyncApiChecks::payloads);

        assertThat(problems)
                .anyMatch(p -> p.contains("message 'coupon.issued.v1' payload (CouponIssued) lacks property"
                        + " 'issued_at', written for CouponIssued.issuedAt (Instant)"))
                .anyMatch(p -> p.contains("has property 'issuedAt', which Jackson does not write"));
    }

    @Test
    void aRequiredListThatDriftsIsReported() {
        assertThat(problems(
                        doc -> editList(
                                doc.map("components", "schemas", "CouponUsed"), "required", r -> r.remove("order_id")),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("(CouponUsed) must require 'order_id'"));
        assertThat(problems(
                        doc -> editList(
                                doc.map("components", "schemas", "PointsRefunded"),
                                "required",
                                r -> r.add("transaction_id")),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains(
                        "requires 'transaction_id', but PointsRefunded.transactionId (Long) may be" + " null"));
    }

    @Test
    void aPropertyTypedUnlikeTheWireIsReported() {
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "CouponIssued", "properties")
                                .put("coupon_id", new LinkedHashMap<>(Map.of("type", "integer", "format", "int64"))),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("property 'coupon_id' has type [integer]")
                        && p.contains("an id the record writes as a string"));
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "CouponUsed", "properties", "used_at")
                                .remove("format"),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("property 'used_at' needs format: date-time"));
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "CouponUsed", "properties", "discount_amount")
                                .put("type", "number"),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("property 'discount_amount' has type [number]"));
    }

    @Test
    void nullabilityThatDriftsIsReported() {
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "PaymentCancelled", "properties", "cancel_request_id")
                                .put("type", "string"),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("property 'cancel_request_id' must allow null"));
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "CouponReservationRejected", "properties", "detail")
                                .put("type", List.of("string", "null")),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("property 'detail' allows null"));

        Set<String> nullable = new HashSet<>(AsyncApiContractTest.NULLABLE);
        nullable.remove("PointsRefunded.transactionId");
        nullable.add("CouponUsed.orderId");
        nullable.add("CouponUsed.gone");
        AsyncApiChecks checks = new AsyncApiChecks(
                DOCUMENT,
                CONTRACTS,
                new Catalog(AsyncApiContractTest.MESSAGES, nullable, AsyncApiContractTest.OPTIONAL));
        assertThat(checks.nullability())
                .anyMatch(p -> p.startsWith("PointsRefunded.transactionId is a Long (boxed"))
                .anyMatch(p -> p.contains("'CouponUsed.orderId', a long, which cannot be null"))
                .anyMatch(p -> p.contains("'CouponUsed.gone', which is no record component"));
    }

    @Test
    void optionalityThatDriftsIsReported() {
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "ConfirmPaymentCommand", "properties", "currency")
                                .remove("default"),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("property 'currency' needs a default"));
        assertThat(problems(
                        doc -> editList(
                                doc.map("components", "schemas", "ConfirmPaymentCommand"),
                                "required",
                                required -> required.add("currency")),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("requires 'currency'") && p.contains("left out by older producers"));
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "CouponUsed", "properties", "used_at")
                                .put("default", "2026-01-01T00:00:00Z"),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("property 'used_at' has default"));

        AsyncApiChecks checks = new AsyncApiChecks(
                DOCUMENT,
                CONTRACTS,
                new Catalog(
                        AsyncApiContractTest.MESSAGES,
                        AsyncApiContractTest.NULLABLE,
                        Set.of("CouponUsed.orderId", "CouponUsed.gone", "CancelPaymentCommand.cancelAmount")));
        assertThat(checks.nullability())
                .anyMatch(p -> p.contains("'CouponUsed.orderId', a long, which an older producer cannot leave out"))
                .anyMatch(p -> p.contains("'CouponUsed.gone', which is no record component"))
                .anyMatch(p -> p.contains("both list 'CancelPaymentCommand.cancelAmount'"));
    }

    @Test
    void enumValuesThatDriftAreReported() {
        assertThat(problems(
                        doc -> editList(
                                doc.map("components", "schemas", "PaymentPurpose"),
                                "enum",
                                values -> values.remove("CREDIT_TOPUP")),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("property 'purpose' must list the values of PaymentPurpose")
                        && p.contains("missing [CREDIT_TOPUP]"));
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "PointBalanceChanged", "properties", "transaction_type")
                                .put("enum", List.of("CHARGE", "USE", "REFUND")),
                        AsyncApiChecks::payloads))
                .anyMatch(p -> p.contains("property 'transaction_type' restricts the values"));
    }

    @Test
    void namedEnumAndCodeListSchemasThatDriftAreReported() {
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "PointRejectionReason")
                                .put("enum", List.of("INSUFFICIENT_POINTS")),
                        AsyncApiChecks::namedSchemas))
                .anyMatch(p -> p.contains("components.schemas.PointRejectionReason must be the enum"));
        assertThat(problems(
                        doc -> doc.map("components", "schemas", "PaymentFailureCode")
                                .put("examples", List.of("AMOUNT_MISMATCH")),
                        AsyncApiChecks::namedSchemas))
                .anyMatch(p -> p.contains("components.schemas.PaymentFailureCode must list the codes")
                        && p.contains("PG_ABORTED"));
    }

    @Test
    void operationsThatDriftAreReported() {
        assertThat(problems(
                        doc -> doc.map("operations").remove("couponService.sendCouponEvents"),
                        AsyncApiChecks::operations))
                .anyMatch(p -> p.contains("no operation of coupon-service sends on couponEvents (coupon.events)"))
                .anyMatch(p -> p.contains("no operation sends on couponEvents"))
                .anyMatch(p -> p.contains(
                        "message 'coupon.issued.v1' of couponEvents (coupon.events) is sent by no" + " operation"));
        assertThat(problems(
                        doc -> doc.map("operations").remove("paymentService.receivePaymentCommands"),
                        AsyncApiChecks::operations))
                .anyMatch(p -> p.contains("no operation of payment-service receives on paymentCommands"));
        assertThat(problems(
                        doc -> {
                            List<Object> messages = new ArrayList<>(
                                    AsyncApiDocument.asList(doc.map("operations", "orderService.sendPaymentCommands")
                                            .get("messages")));
                            messages.add(Map.of("$ref", "#/channels/couponCommands/messages/coupon.reserve.v1"));
                            doc.map("operations", "orderService.sendPaymentCommands")
                                    .put("messages", messages);
                        },
                        AsyncApiChecks::operations))
                .anyMatch(p -> p.contains("operation orderService.sendPaymentCommands: message")
                        && p.contains("must be a $ref under '#/channels/paymentCommands/messages/'"));
        assertThat(problems(
                        doc -> doc.map("operations", "pointService.sendPointEvents")
                                .put("tags", List.of()),
                        AsyncApiChecks::operations))
                .anyMatch(p -> p.contains("operation pointService.sendPointEvents: needs exactly one tag"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<String> problems(
            Consumer<AsyncApiDocument> change, Function<AsyncApiChecks, List<String>> check) {
        AsyncApiDocument copy = DOCUMENT.copy();
        change.accept(copy);
        return check.apply(new AsyncApiChecks(copy, CONTRACTS, AsyncApiContractTest.CATALOG));
    }

    /** Replaces {@code node[key]} (a list) by a changed copy. */
    private static void editList(Map<String, Object> node, String key, Consumer<List<Object>> change) {
        List<Object> list = new ArrayList<>(AsyncApiDocument.asList(node.get(key)));
        change.accept(list);
        node.put(key, list);
    }

    private static Map<String, Object> ceTypeHeader(AsyncApiDocument doc, String type) {
        for (Object part : AsyncApiDocument.asList(
                doc.map("components", "messages", type, "headers").get("allOf"))) {
            Map<String, Object> properties = doc.resolveMap(doc.resolveMap(part).get("properties"));
            if (properties.get("ce_type") instanceof Map<?, ?> ceType) {
                return AsyncApiDocument.asMap(ceType);
            }
        }
        throw new IllegalStateException("message " + type + " has no ce_type header part");
    }
}
