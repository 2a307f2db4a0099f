package com.creatorcommerce.order;

import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.ServiceStartupContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OrderServiceStartsIT extends ServiceStartupContract {}
