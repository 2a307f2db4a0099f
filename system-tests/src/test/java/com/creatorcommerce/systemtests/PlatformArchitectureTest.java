package com.creatorcommerce.systemtests;

import com.creatorcommerce.platform.test.architecture.PlatformArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The infra rules over every platform library and contract the services bring onto this classpath (messaging, web,
 * security, snowflake, service-starter, kafka-broker, test-support, contracts): no library uses a service's code, the
 * contracts stay free of Spring and JPA.
 */
class PlatformArchitectureTest {

    @Test
    void everyPlatformLibraryAndContractKeepsItsShape() {
        PlatformArchitecture.check();
    }
}
