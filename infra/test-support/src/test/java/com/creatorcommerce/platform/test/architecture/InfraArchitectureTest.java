package com.creatorcommerce.platform.test.architecture;

import org.junit.jupiter.api.Test;

/**
 * The infra rules on the libraries this module sees without a reactor cycle (test-support, kafka-broker, security,
 * contracts); system-tests applies them to every library on one classpath.
 */
class InfraArchitectureTest {

    @Test
    void platformLibrariesAndContractsKeepTheirShape() {
        PlatformArchitecture.check();
    }
}
