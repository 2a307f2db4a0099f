package com.creatorcommerce.point.it;

import com.creatorcommerce.payment.PaymentServiceApplication;
import com.creatorcommerce.platform.test.RealInfrastructureInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real payment-service application, started once per test JVM beside point-service: its own database on the
 * test server, the same broker, WireMock as its PG. Closed by the JVM's shutdown hook (which drops its database).
 */
final class PaymentServiceInThisJvm {

    private static volatile ConfigurableApplicationContext context;

    private PaymentServiceInThisJvm() {
    }

    static synchronized ConfigurableApplicationContext start(String pgBaseUrl) {
        if (context == null) {
            context = new SpringApplicationBuilder(PaymentServiceApplication.class)
                    .initializers(new RealInfrastructureInitializer())
                    .run("--spring.config.location=" + configOfPaymentService(),
                            "--server.port=0",
                            "--platform.payment-gateway.base-url=" + pgBaseUrl,
                            "--resilience4j.timelimiter.instances.pg.timeout-duration=400ms",
                            "--resilience4j.retry.instances.pg.max-attempts=3",
                            "--resilience4j.retry.instances.pg.wait-duration=50ms",
                            "--resilience4j.circuitbreaker.instances.pg.minimum-number-of-calls=1000",
                            "--resilience4j.circuitbreaker.instances.pg.sliding-window-size=1000",
                            "--platform.payment.reconciliation.enabled=false");
        }
        return context;
    }

    static JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /**
     * payment-service's own application.yml: on this classpath {@code classpath:application.yml} is
     * point-service's, so the one in payment-service's jar (or classes folder) is named explicitly.
     */
    private static String configOfPaymentService() {
        String home = PaymentServiceApplication.class.getProtectionDomain().getCodeSource().getLocation().toString();
        try {
            for (URL url : Collections.list(PaymentServiceApplication.class.getClassLoader()
                    .getResources("application.yml"))) {
                String u = url.toString();
                if (u.startsWith(home) || u.startsWith("jar:" + home)) {
                    return u;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("payment-service's application.yml is not on the classpath (" + home + ")");
    }
}
