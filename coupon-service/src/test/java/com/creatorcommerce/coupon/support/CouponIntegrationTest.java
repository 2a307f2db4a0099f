package com.creatorcommerce.coupon.support;

import com.creatorcommerce.platform.test.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coupon service on real infrastructure (own database on the MySQL-compatible server, the JVM's Kafka broker,
 * test JWT keys), shared by the integration tests that extend this class (one Spring context). The command
 * listener gets a consumer group of its own so that no other context in the JVM takes its commands.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.jpa.properties.hibernate.session_factory.statement_inspector="
                    + "com.creatorcommerce.coupon.support.RecordingStatementInspector",
            "coupon.messaging.group-id=coupon-service-it-${random.uuid}",
            "platform.inbox.max-retry-backoff=500ms",
            "platform.inbox.retry-backoff=50ms"
        })
@RealInfrastructure
public abstract class CouponIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected JsonMapper json;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port, json);
    }

    protected long issuedQuantity(long couponId) {
        return jdbc.queryForObject("SELECT issued_quantity FROM coupons WHERE coupon_id = ?", Long.class, couponId);
    }

    protected long userCouponsOf(long couponId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM user_coupons WHERE coupon_id = ?", Long.class, couponId);
    }
}
