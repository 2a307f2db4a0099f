package com.creatorcommerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.coupon.support.Http;
import com.creatorcommerce.coupon.support.Http.Response;
import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.TestJwt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/** The dev profile loads seed 003's demo coupons (and only the dev profile: see CouponServiceStartsIT). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
@ActiveProfiles("dev")
@DirtiesContext
class DemoDataIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void theDevProfileLoadsTheFiveDemoCoupons() {
        Http http = new Http(port, json);

        assertThat(jdbc.queryForList("SELECT coupon_name FROM coupons ORDER BY coupon_id", String.class))
                .containsExactly("5,000원 할인 쿠폰", "10% 할인 쿠폰 (최대 3,000원)", "신규 가입 쿠폰", "만료된 쿠폰", "소진된 쿠폰");
        Response issuable = http.get("/v1/coupons", null);
        List<String> ids = new ArrayList<>();
        issuable.json().get("items").forEach(n -> ids.add(n.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(http.post("/v1/coupons/4/issue", TestJwt.user(9), null).code())
                .isEqualTo("COUPON_EXPIRED");
        assertThat(http.post("/v1/coupons/5/issue", TestJwt.user(9), null).code())
                .isEqualTo("COUPON_SOLD_OUT");
        assertThat(http.post("/v1/coupons/1/issue", TestJwt.user(1), null).code())
                .isEqualTo("COUPON_ALREADY_ISSUED");
        assertThat(http.get("/v1/users/me/coupons?status=used", TestJwt.user(2))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM coupons c WHERE c.issued_quantity <> "
                                + "(SELECT COUNT(*) FROM user_coupons uc WHERE uc.coupon_id = c.coupon_id)",
                        Long.class))
                .as("issued_quantity matches the user coupons")
                .isZero();
    }
}
