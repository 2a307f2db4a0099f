package com.creatorcommerce.platform.service.ops;

import com.creatorcommerce.platform.messaging.MessagingAutoConfiguration;
import com.creatorcommerce.platform.messaging.ops.MessagingOps;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** The messaging repair API ({@code /v1/admin/messaging}) on every service that has messaging and a web server. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MessagingOps.class)
@Import(MessagingOpsController.class)
public class MessagingOpsAutoConfiguration {}
