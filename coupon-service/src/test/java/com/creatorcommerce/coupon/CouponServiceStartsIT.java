package com.creatorcommerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.ServiceStartupContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Closed after its tests ({@code @DirtiesContext}): its coupon.commands listener (default consumer group) must not
 * answer commands meant for the other test contexts of this JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext
class CouponServiceStartsIT extends ServiceStartupContract {

    @Test
    void loadsNoDemoDataOutsideTheDevProfile() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupons", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_coupons", Long.class))
                .isZero();
    }
}
