package com.creatorcommerce.platform.service.ops;

import com.creatorcommerce.platform.saga.SagaAutoConfiguration;
import com.creatorcommerce.platform.saga.SagaOps;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** The saga ops API ({@code /v1/admin/sagas}) on every service that orchestrates sagas and has a web server. */
@AutoConfiguration(after = SagaAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(SagaOps.class)
@Import(SagaOpsController.class)
public class SagaOpsAutoConfiguration {}
