package com.creatorcommerce.systemtests;

import com.creatorcommerce.payment.PaymentServiceApplication;
import com.creatorcommerce.platform.test.ServiceInThisJvm;
import com.creatorcommerce.platform.test.WireMocks;
import com.creatorcommerce.point.PointServiceApplication;
import com.creatorcommerce.point.testing.PointServiceFixture;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * point-service and payment-service, each started in this JVM as it runs on its own (own configuration, own database
 * on the real server), on the one real broker, with WireMock as payment-service's PG. Started once for all the tests
 * of this module; closed by the JVM's shutdown hook. point-service is driven through its own test fixture
 * ({@link PointServiceFixture}: HTTP as a user, charge requests, its topics, the ledger rules).
 */
public abstract class PointAndPaymentSystemTest extends PointServiceFixture {

    protected static final WireMockServer PG = WireMocks.start();
    private static final ConfigurableApplicationContext PAYMENT = ServiceInThisJvm.start(
            PaymentServiceApplication.class,
            "--platform.payment-gateway.base-url=" + PG.baseUrl(),
            "--resilience4j.timelimiter.instances.pg.timeout-duration=400ms",
            "--resilience4j.retry.instances.pg.max-attempts=3",
            "--resilience4j.retry.instances.pg.wait-duration=50ms",
            "--resilience4j.circuitbreaker.instances.pg.minimum-number-of-calls=1000",
            "--resilience4j.circuitbreaker.instances.pg.sliding-window-size=1000",
            "--platform.payment.reconciliation.enabled=false");
    private static final ConfigurableApplicationContext POINT = ServiceInThisJvm.start(PointServiceApplication.class);

    @SuppressWarnings("unchecked")
    protected PointAndPaymentSystemTest() {
        use(
                POINT.getBean(JdbcTemplate.class),
                POINT.getBean(JsonMapper.class),
                POINT.getBean(KafkaTemplate.class),
                POINT.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    /** payment-service's database. */
    protected JdbcTemplate paymentJdbc() {
        return PAYMENT.getBean(JdbcTemplate.class);
    }

    protected MeterRegistry pointMeters() {
        return POINT.getBean(MeterRegistry.class);
    }
}
