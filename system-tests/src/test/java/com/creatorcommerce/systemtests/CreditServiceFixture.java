package com.creatorcommerce.systemtests;

import java.lang.reflect.Field;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ONE credit-service of this JVM for the donation system tests. Two credit-services in one JVM would share the
 * consumer group of payment.replies with different databases (a reply taken by the other instance is "an approval
 * for an unknown purchase" there and given back), so this fixture uses the instance {@link CreditPurchaseIT} starts.
 */
final class CreditServiceFixture {

    private CreditServiceFixture() {}

    static ConfigurableApplicationContext credit() {
        try {
            Field f = CreditPurchaseIT.class.getDeclaredField("CREDIT");
            f.setAccessible(true);
            return (ConfigurableApplicationContext) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("CreditPurchaseIT.CREDIT is the JVM's credit-service", e);
        }
    }
}
