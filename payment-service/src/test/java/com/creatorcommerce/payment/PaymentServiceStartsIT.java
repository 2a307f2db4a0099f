package com.creatorcommerce.payment;

import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.ServiceStartupContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** Closed afterwards: its listeners would otherwise share payment.commands with the other tests' context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext
class PaymentServiceStartsIT extends ServiceStartupContract {}
