package com.creatorcommerce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every public path of ARCHITECTURE.md reaches its owning service, path and query unchanged. */
class RoutingIT extends GatewayITSupport {

    @BeforeEach
    void everyServiceSaysItsName() {
        BACKENDS.forEach((name, server) -> server.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"service\":\"" + name + "\"}"))));
    }

    private static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("GET /v1/products?page=0", "order-service");
        t.put("GET /v1/products/123", "order-service");
        t.put("GET /v1/products/popular", "order-service");
        t.put("PUT /v1/products/123/like", "order-service");
        t.put("DELETE /v1/products/123/like", "order-service");
        t.put("POST /v1/likes/check-batch", "order-service");
        t.put("GET /v1/cart", "order-service");
        t.put("POST /v1/cart/items", "order-service");
        t.put("PATCH /v1/cart/items/5", "order-service");
        t.put("POST /v1/orders", "order-service");
        t.put("GET /v1/orders/9", "order-service");
        t.put("POST /v1/orders/9/cancel", "order-service");
        t.put("POST /v1/admin/products", "order-service");
        t.put("GET /v1/admin/sagas?state=FAILED", "order-service");
        t.put("POST /v1/admin/sagas/4/retry", "order-service");
        t.put("GET /v1/coupons", "coupon-service");
        t.put("POST /v1/coupons/3/issue", "coupon-service");
        t.put("POST /v1/coupons/check-batch", "coupon-service");
        t.put("GET /v1/users/me/coupons?status=AVAILABLE", "coupon-service");
        t.put("POST /v1/admin/coupons", "coupon-service");
        t.put("GET /v1/points/balance", "point-service");
        t.put("GET /v1/points/transactions?page=1&page_size=20", "point-service");
        t.put("POST /v1/points/charges/77/confirm", "point-service");
        t.put("GET /v1/payments", "payment-service");
        t.put("GET /v1/payments/55", "payment-service");
        t.put("GET /v1/credits/packages", "credit-service");
        t.put("POST /v1/credits/purchase", "credit-service");
        t.put("GET /v1/credits/balance", "credit-service");
        t.put("POST /v1/credits/topups/8/refund", "credit-service");
        t.put("POST /v1/donations", "credit-service");
        t.put("GET /v1/donations/sent", "credit-service");
        t.put("GET /v1/settlements/me", "credit-service");
        t.put("POST /v1/admin/settlements", "credit-service");
        t.put("POST /v1/admin/credits/packages", "credit-service");
        t.put("GET /v1/admin/credit-sagas?state=FAILED&type=credit.top-up-donation", "credit-service");
        t.put("POST /v1/admin/credit-sagas/42/retry", "credit-service");
        return t;
    }

    @Test
    void routesEveryPublicPathToItsOwningService() throws Exception {
        String admin = TestJwt.admin(1);
        for (Map.Entry<String, String> row : table().entrySet()) {
            String method = row.getKey().split(" ")[0];
            String path = row.getKey().split(" ")[1];
            HttpRequest.Builder request = request(path)
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            method.equals("GET") || method.equals("DELETE")
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString("{}"));
            HttpResponse<String> response = send(request);

            assertThat(response.statusCode()).as(row.getKey()).isEqualTo(200);
            assertThat(response.body()).as(row.getKey()).isEqualTo("{\"service\":\"" + row.getValue() + "\"}");
            var received =
                    backend(row.getValue()).getAllServeEvents().getFirst().getRequest();
            assertThat(received.getUrl()).as(row.getKey()).isEqualTo(path);
            assertThat(received.getMethod().getName()).isEqualTo(method);
            backend(row.getValue()).resetRequests();
        }
    }

    @Test
    void givesCreditServicesSagasToAdminsOnly() throws Exception {
        assertThat(get("/v1/admin/credit-sagas", TestJwt.user(2)).statusCode()).isEqualTo(403);
        assertThat(get("/v1/admin/credit-sagasX", TestJwt.admin(1)).statusCode())
                .as("not the prefix")
                .isEqualTo(404);
        assertThat(totalRequestsReceived()).isZero();
    }

    @Test
    void letsAnonymousClientsBrowseTheCatalogAndCreditPackagesOnly() throws Exception {
        assertThat(get("/v1/products", null).statusCode()).isEqualTo(200);
        assertThat(get("/v1/products/123", null).statusCode()).isEqualTo(200);
        assertThat(get("/v1/products/popular", null).statusCode()).isEqualTo(200);
        assertThat(get("/v1/credits/packages", null).statusCode()).isEqualTo(200);
        assertThat(get("/v1/coupons", null).statusCode())
                .as("coupons issuable now")
                .isEqualTo(200);
        assertThat(totalRequestsReceived()).isEqualTo(5);

        assertThat(get("/v1/products/123/like", null).statusCode()).isEqualTo(401);
        assertThat(send(request("/v1/products/123/like").PUT(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(401);
        assertThat(send(request("/v1/products").POST(HttpRequest.BodyPublishers.ofString("{}")))
                        .statusCode())
                .as("only GET is public")
                .isEqualTo(401);
        assertThat(get("/v1/credits/balance", null).statusCode()).isEqualTo(401);
        assertThat(send(request("/v1/coupons/3/issue").POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .as("issuing needs a token")
                .isEqualTo(401);
        assertThat(get("/v1/users/me/coupons", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/cart", null).statusCode()).isEqualTo(401);
        assertThat(totalRequestsReceived()).isEqualTo(5);
    }

    @Test
    void answersAnUnknownPathWith404ProblemJson() throws Exception {
        HttpResponse<String> response = get("/v1/nothing-here", TestJwt.user(3));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(totalRequestsReceived()).isZero();
    }

    @Test
    void passesAServiceErrorThroughUnchanged() throws Exception {
        backend("coupon-service")
                .stubFor(any(anyUrl())
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(409)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"status\":409,\"code\":\"COUPON_SOLD_OUT\"}")));

        HttpResponse<String> response = send(request("/v1/coupons/3/issue")
                .header("Authorization", "Bearer " + TestJwt.user(3))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"status\":409,\"code\":\"COUPON_SOLD_OUT\"}");
    }
}
