package com.creatorcommerce.apiclient;

import com.creatorcommerce.coupon.CouponServiceApplication;
import com.creatorcommerce.credit.CreditServiceApplication;
import com.creatorcommerce.order.OrderServiceApplication;
import com.creatorcommerce.payment.PaymentServiceApplication;
import com.creatorcommerce.platform.test.ServiceInThisJvm;
import com.creatorcommerce.platform.test.WireMocks;
import com.creatorcommerce.point.PointServiceApplication;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The services whose documents are committed under {@code docs/openapi}, each started once in this JVM as it runs on
 * its own (own configuration and database, the one broker, WireMock as payment-service's PG); closed by the JVM's
 * shutdown hook.
 */
final class RunningServices {

    static final WireMockServer PG = WireMocks.start();

    private static final Map<String, ConfigurableApplicationContext> SERVICES = start();

    private RunningServices() {}

    private static Map<String, ConfigurableApplicationContext> start() {
        // Each service declares the topics it owns when it starts: a consumer subscribing to a topic that does not
        // exist yet would only see it at its next metadata refresh (minutes). Owners of the topics first: payment
        // (payment.replies, read by point, credit and order), point, coupon, credit (its purchases are paid through
        // payment-service over the broker), then order (reads all their replies).
        Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
        services.put(
                "payment-service",
                ServiceInThisJvm.start(
                        PaymentServiceApplication.class,
                        "--platform.payment-gateway.base-url=" + PG.baseUrl(),
                        "--platform.payment.reconciliation.enabled=false"));
        services.put("point-service", ServiceInThisJvm.start(PointServiceApplication.class));
        services.put("coupon-service", ServiceInThisJvm.start(CouponServiceApplication.class));
        services.put("credit-service", ServiceInThisJvm.start(CreditServiceApplication.class));
        services.put("order-service", ServiceInThisJvm.start(OrderServiceApplication.class));
        return services;
    }

    /** The service names, as the documents and the gateway's routes call them. */
    static Iterable<String> names() {
        return SERVICES.keySet();
    }

    /** {@code http://127.0.0.1:<port>} of the service. */
    static String baseUrl(String service) {
        ConfigurableApplicationContext context = SERVICES.get(service);
        if (context == null) {
            throw new IllegalArgumentException("Not started here: " + service);
        }
        return "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }
}
