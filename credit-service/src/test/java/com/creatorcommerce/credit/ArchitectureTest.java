package com.creatorcommerce.credit;

import com.creatorcommerce.platform.test.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The one service shape (docs/DEVELOPING.md, ADR 12), checked on the compiled main classes. */
class ArchitectureTest {

    @Test
    void followsTheServiceShape() {
        ServiceArchitecture.check("com.creatorcommerce.credit");
    }
}
