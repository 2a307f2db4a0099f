package com.creatorcommerce.systemtests;

import com.creatorcommerce.coupon.CouponServiceApplication;
import com.creatorcommerce.order.OrderServiceApplication;
import com.creatorcommerce.platform.test.ServiceInThisJvm;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * order-service and coupon-service, started once per JVM for every system test that needs them: a second instance
 * of either would join the same consumer groups on the shared broker and take half of the other's replies and
 * commands to its own database.
 */
final class OrderAndCouponServices {

    static final ConfigurableApplicationContext COUPON = ServiceInThisJvm.start(CouponServiceApplication.class);
    static final ConfigurableApplicationContext ORDER = ServiceInThisJvm.start(OrderServiceApplication.class);

    private OrderAndCouponServices() {}
}
