package com.creatorcommerce.apiclient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.creatorcommerce.client.coupon.api.CouponAdminApi;
import com.creatorcommerce.client.coupon.api.CouponsApi;
import com.creatorcommerce.client.coupon.api.MyCouponsApi;
import com.creatorcommerce.client.coupon.model.CouponRequest;
import com.creatorcommerce.client.coupon.model.CouponResponse;
import com.creatorcommerce.client.coupon.model.IssuableCouponResponse;
import com.creatorcommerce.client.coupon.model.UserCouponResponse;
import com.creatorcommerce.client.credit.api.CreditPackagesApi;
import com.creatorcommerce.client.credit.api.CreditPurchasesApi;
import com.creatorcommerce.client.credit.api.CreditsApi;
import com.creatorcommerce.client.credit.api.DonationsApi;
import com.creatorcommerce.client.credit.model.BalanceResponse;
import com.creatorcommerce.client.credit.model.DonateRequest;
import com.creatorcommerce.client.credit.model.DonationResponse;
import com.creatorcommerce.client.credit.model.PackageResponse;
import com.creatorcommerce.client.credit.model.PurchaseRequest;
import com.creatorcommerce.client.credit.model.UseRequest;
import com.creatorcommerce.client.credit.model.UseResponse;
import com.creatorcommerce.client.order.api.CatalogAdminApi;
import com.creatorcommerce.client.order.api.CatalogApi;
import com.creatorcommerce.client.order.api.OrdersApi;
import com.creatorcommerce.client.order.model.ChargeRequest;
import com.creatorcommerce.client.order.model.CreateProductRequest;
import com.creatorcommerce.client.order.model.LineRequest;
import com.creatorcommerce.client.order.model.OptionRequest;
import com.creatorcommerce.client.order.model.OrderResponse;
import com.creatorcommerce.client.order.model.PlaceOrderRequest;
import com.creatorcommerce.client.order.model.ProductResponse;
import com.creatorcommerce.client.payment.api.PaymentsApi;
import com.creatorcommerce.client.payment.model.PageResponsePaymentResponse;
import com.creatorcommerce.client.payment.model.PaymentResponse;
import com.creatorcommerce.client.point.api.PointChargesApi;
import com.creatorcommerce.client.point.api.PointsApi;
import com.creatorcommerce.client.point.model.ChargeResponse;
import com.creatorcommerce.client.point.model.ConfirmCharge;
import com.creatorcommerce.client.point.model.CreateCharge;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestJwt;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The README quickstart, through clients generated from the committed documents ({@code docs/openapi}) by
 * openapi-generator ({@code native} library), against the real services in this JVM (WireMock as the PG): take a
 * coupon, charge points and see COMPLETED, order with the coupon buying points on the way and see COMPLETED, cancel
 * and see the refund; then buy a credit package, use credits and donate some to a creator, who sees the donation
 * among the ones received. Every body goes through the generated models, so a document that lies about a name, a type,
 * a status or a media type fails here. The token is minted with the test keys (what the gateway's dev token endpoint
 * issues in the dev profile; the gateway is not started here).
 */
class QuickstartThroughGeneratedClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000 + 500);

    private final long userId = IDS.incrementAndGet();
    private final String userToken = TestJwt.user(userId);
    private final String adminToken = TestJwt.admin(IDS.incrementAndGet());

    @Test
    void theQuickstartRunsThroughTheGeneratedClient() throws Exception {
        // an admin defines a 3,000 KRW coupon; anyone lists what is issuable now (no token)
        CouponResponse coupon = new CouponAdminApi(coupon(adminToken))
                .createCoupon(
                        new CouponRequest()
                                .couponName("Quickstart 3000")
                                .discountType(CouponRequest.DiscountTypeEnum.FIXED)
                                .discountValue(3_000L)
                                .minOrderAmount(0L)
                                .totalQuantity(100)
                                .validFrom(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
                                .validUntil(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1))
                                .isActive(true),
                        null);
        assertThat(coupon.getId()).matches("[0-9]{1,19}");
        List<IssuableCouponResponse> issuable =
                new CouponsApi(coupon(null)).listIssuableCoupons(1, 100).getItems();
        assertThat(issuable).extracting(IssuableCouponResponse::getId).contains(coupon.getId());

        // the user takes it: 201 with the user coupon; a second time is a problem+json 409 with its code
        var issued = new CouponsApi(coupon(userToken)).issueCouponWithHttpInfo(coupon.getId(), null);
        assertThat(issued.getStatusCode()).isEqualTo(201);
        UserCouponResponse userCoupon = issued.getData();
        assertThat(userCoupon.getStatus()).isEqualTo(UserCouponResponse.StatusEnum.UNUSED);
        var again = catchThrowableOfType(
                com.creatorcommerce.client.coupon.ApiException.class,
                () -> new CouponsApi(coupon(userToken)).issueCoupon(coupon.getId(), null));
        assertThat(again.getCode()).isEqualTo(409);
        assertThat(again.getResponseHeaders().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        var problem = new ObjectMapper()
                .readValue(again.getResponseBody(), com.creatorcommerce.client.coupon.model.Problem.class);
        assertThat(problem.getCode()).isEqualTo("COUPON_ALREADY_ISSUED");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(new MyCouponsApi(coupon(userToken))
                        .listMyCoupons("unused", 1, 20)
                        .getItems())
                .extracting(UserCouponResponse::getId)
                .containsExactly(userCoupon.getId());

        // charge 10,000 points through the payment saga: 201, confirm 202, then COMPLETED
        String chargeKey = paymentKey(10_000);
        PointChargesApi charges = new PointChargesApi(point(userToken));
        var created = charges.createPointChargeWithHttpInfo(new CreateCharge().amount(new BigDecimal(10_000)), null);
        assertThat(created.getStatusCode()).isEqualTo(201);
        String chargeId = created.getData().getId();
        var confirmed =
                charges.confirmPointChargeWithHttpInfo(chargeId, new ConfirmCharge().paymentKey(chargeKey), null);
        assertThat(confirmed.getStatusCode()).isEqualTo(202);
        Await.until(
                "charge " + chargeId + " COMPLETED",
                TIMEOUT,
                () -> "COMPLETED"
                        .equals(unchecked(() -> charges.getPointCharge(chargeId).getStatus())));
        ChargeResponse charge = charges.getPointCharge(chargeId);
        assertThat(charge.getTransactionId()).matches("[0-9]{1,19}");
        PointsApi points = new PointsApi(point(userToken));
        assertThat(points.getPointBalance().getBalance()).isEqualTo(10_000L);

        // a 15,000 KRW tee in the catalog (admin), browsed without a token
        ProductResponse tee = new CatalogAdminApi(order(adminToken))
                .createProduct(
                        new CreateProductRequest()
                                .productName("Quickstart tee")
                                .basePrice(15_000L)
                                .isActive(true)
                                .options(List.of(new OptionRequest()
                                        .optionName("M")
                                        .sku("QS-"
                                                + UUID.randomUUID().toString().substring(0, 8))
                                        .additionalPrice(0L)
                                        .stockQuantity(10)
                                        .isActive(true))),
                        null);
        String option = tee.getOptions().getFirst().getId();
        assertThat(new CatalogApi(order(null)).getProduct(tee.getId()).getOptions())
                .extracting(o -> o.getId())
                .containsExactly(option);

        // order it with the coupon, buying 5,000 more points on the way: 202 PENDING, then COMPLETED
        OrdersApi orders = new OrdersApi(order(userToken));
        var placed = orders.placeOrderWithHttpInfo(
                "quickstart-" + UUID.randomUUID(),
                new PlaceOrderRequest()
                        .items(List.of(new LineRequest().productOptionId(option).quantity(1)))
                        .userCouponId(userCoupon.getId())
                        .charge(new ChargeRequest().amount(5_000L).paymentKey(paymentKey(5_000))));
        assertThat(placed.getStatusCode()).isEqualTo(202);
        String orderId = placed.getData().getId();
        OrderResponse completed = awaitOrder(orders, orderId, "COMPLETED");
        assertThat(completed.getDiscountAmount()).isEqualTo(3_000L);
        assertThat(completed.getFinalAmount()).isEqualTo(12_000L);
        assertThat(points.getPointBalance().getBalance())
                .as("10,000 + 5,000 - 12,000")
                .isEqualTo(3_000L);

        // cancel: 202, then CANCELLED and the 12,000 used are refunded
        assertThat(orders.cancelOrderWithHttpInfo(orderId, null).getStatusCode())
                .isEqualTo(202);
        OrderResponse cancelled = awaitOrder(orders, orderId, "CANCELLED");
        assertThat(cancelled.getFailureCode()).isEqualTo("CANCELLED_BY_USER");
        assertThat(points.getPointBalance().getBalance()).isEqualTo(15_000L);

        // both payments, as the user sees them
        PaymentsApi payments = new PaymentsApi(payment(userToken));
        PageResponsePaymentResponse page = payments.listPayments(1, 20);
        assertThat(page.getItems()).extracting(PaymentResponse::getAmount).containsExactlyInAnyOrder(10_000L, 5_000L);
        assertThat(payments.getPayment(page.getItems().getFirst().getId()).getStatus())
                .isNotBlank();
    }

    @Test
    void creditsAreBoughtUsedAndDonatedThroughTheGeneratedClient() throws Exception {
        // anyone lists the packages (no token); the user buys one with a PG payment key the PG (WireMock) approves
        List<PackageResponse> packages =
                new CreditPackagesApi(credit(null)).listCreditPackages().getPackages();
        assertThat(packages).isNotEmpty();
        PackageResponse pack = packages.getFirst();
        assertThat(pack.getCredits()).isGreaterThanOrEqualTo(100L);
        long priceInMinorUnits = pack.getPrice()
                .movePointRight(Currency.getInstance(pack.getCurrency()).getDefaultFractionDigits())
                .longValueExact();
        CreditPurchasesApi purchases = new CreditPurchasesApi(credit(userToken));
        var bought = purchases.purchaseCreditsWithHttpInfo(
                new PurchaseRequest()
                        .packageId(pack.getId())
                        .paymentMethod("card")
                        .paymentToken(paymentKey(priceInMinorUnits)),
                null);
        // 200 with the credits when the payment settles within credit.settle-wait, 202 PENDING otherwise
        assertThat(bought.getStatusCode()).isIn(200, 202);
        String purchaseId = bought.getData().getPurchaseId();
        assertThat(purchaseId).matches("[0-9]{1,19}");
        if (bought.getStatusCode() == 200) {
            assertThat(bought.getData().getCreditsAdded()).isEqualTo(pack.getCredits());
            assertThat(bought.getData().getNewBalance()).isEqualTo(pack.getCredits());
        }
        Await.until(
                "purchase " + purchaseId + " COMPLETED",
                TIMEOUT,
                () -> "COMPLETED"
                        .equals(unchecked(
                                () -> purchases.getCreditPurchase(purchaseId).getStatus())));
        assertThat(purchases.getCreditPurchase(purchaseId).getCredits()).isEqualTo(pack.getCredits());
        CreditsApi credits = new CreditsApi(credit(userToken));
        assertThat(credits.getCreditBalance().getBalance()).isEqualTo(pack.getCredits());

        // use 30 credits on a paid feature
        UseResponse used = credits.useCredits(
                new UseRequest()
                        .amount(new BigDecimal(30))
                        .feature("quickstart_boost")
                        .description("Quickstart"),
                "use-" + UUID.randomUUID());
        assertThat(used.getCreditsUsed()).isEqualTo(30L);
        assertThat(used.getNewBalance()).isEqualTo(pack.getCredits() - 30);
        assertThat(used.getTransactionId()).matches("[0-9]{1,19}");

        // donate 50 to a creator: 201 COMPLETED; the creator sees it among the donations received
        long creatorId = IDS.incrementAndGet();
        DonationsApi donations = new DonationsApi(credit(userToken));
        var given = donations.donateWithHttpInfo(
                new DonateRequest()
                        .creatorId(Long.toString(creatorId))
                        .credits(new BigDecimal(50))
                        .message("Great stream!"),
                "donate-" + UUID.randomUUID());
        assertThat(given.getStatusCode()).isEqualTo(201);
        DonationResponse donation = given.getData();
        assertThat(donation.getStatus()).isEqualTo("COMPLETED");
        assertThat(donation.getDonorId()).isEqualTo(Long.toString(userId));
        assertThat(donation.getNewBalance()).isEqualTo(pack.getCredits() - 80);
        List<DonationResponse> received = new DonationsApi(credit(TestJwt.user(creatorId)))
                .listReceivedDonations(1, 20)
                .getItems();
        assertThat(received).extracting(DonationResponse::getId).containsExactly(donation.getId());
        assertThat(received.getFirst().getCredits()).isEqualTo(50L);
        assertThat(received.getFirst().getMessage()).isEqualTo("Great stream!");
        BalanceResponse balance = credits.getCreditBalance();
        assertThat(balance.getBalance()).isEqualTo(pack.getCredits() - 80);
        assertThat(balance.getTotalSpent()).isEqualTo(80L);

        // donating to oneself is a problem+json 422 with its code, as the document says
        var self = catchThrowableOfType(
                com.creatorcommerce.client.credit.ApiException.class,
                () -> donations.donate(
                        new DonateRequest().creatorId(Long.toString(userId)).credits(BigDecimal.ONE),
                        "donate-" + UUID.randomUUID()));
        assertThat(self.getCode()).isEqualTo(422);
        assertThat(self.getResponseHeaders().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(new ObjectMapper()
                        .readValue(self.getResponseBody(), com.creatorcommerce.client.credit.model.Problem.class)
                        .getCode())
                .isEqualTo("SELF_DONATION");
        assertThat(credits.getCreditBalance().getBalance()).isEqualTo(pack.getCredits() - 80);
    }

    private static OrderResponse awaitOrder(OrdersApi orders, String orderId, String status) throws Exception {
        Await.until(
                "order " + orderId + " " + status,
                TIMEOUT,
                () -> status.equals(unchecked(() -> orders.getOrder(orderId).getStatus())));
        return orders.getOrder(orderId);
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payment key the PG (WireMock) approves for {@code amount}. */
    private static String paymentKey(long amount) {
        String key = "pk_approve_" + UUID.randomUUID().toString().replace("-", "");
        RunningServices.PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":" + amount
                        + ",\"approvedAt\":\"" + Instant.now() + "\"}")));
        return key;
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        };
    }

    private static com.creatorcommerce.client.coupon.ApiClient coupon(String token) {
        var client = new com.creatorcommerce.client.coupon.ApiClient();
        client.updateBaseUri(RunningServices.baseUrl("coupon-service"));
        return client.setRequestInterceptor(bearer(token));
    }

    private static com.creatorcommerce.client.point.ApiClient point(String token) {
        var client = new com.creatorcommerce.client.point.ApiClient();
        client.updateBaseUri(RunningServices.baseUrl("point-service"));
        return client.setRequestInterceptor(bearer(token));
    }

    private static com.creatorcommerce.client.order.ApiClient order(String token) {
        var client = new com.creatorcommerce.client.order.ApiClient();
        client.updateBaseUri(RunningServices.baseUrl("order-service"));
        return client.setRequestInterceptor(bearer(token));
    }

    private static com.creatorcommerce.client.credit.ApiClient credit(String token) {
        var client = new com.creatorcommerce.client.credit.ApiClient();
        client.updateBaseUri(RunningServices.baseUrl("credit-service"));
        return client.setRequestInterceptor(bearer(token));
    }

    private static com.creatorcommerce.client.payment.ApiClient payment(String token) {
        var client = new com.creatorcommerce.client.payment.ApiClient();
        client.updateBaseUri(RunningServices.baseUrl("payment-service"));
        return client.setRequestInterceptor(bearer(token));
    }
}
