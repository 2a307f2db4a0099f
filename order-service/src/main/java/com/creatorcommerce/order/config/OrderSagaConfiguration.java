package com.creatorcommerce.order.config;

import com.creatorcommerce.order.application.order.CancelData;
import com.creatorcommerce.order.application.order.CancelSaga;
import com.creatorcommerce.order.application.order.ChargeProperties;
import com.creatorcommerce.order.application.order.CheckoutData;
import com.creatorcommerce.order.application.order.CheckoutSaga;
import com.creatorcommerce.order.application.order.OrderSagaProperties;
import com.creatorcommerce.order.application.order.OrderSagaSteps;
import com.creatorcommerce.order.domain.order.ChargePolicy;
import com.creatorcommerce.platform.saga.SagaDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order sagas (their definitions are beans, so the saga library runs them) and the charge limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OrderSagaProperties.class, ChargeProperties.class})
class OrderSagaConfiguration {

    @Bean
    SagaDefinition<CheckoutData> checkoutSaga(OrderSagaSteps steps, OrderSagaProperties properties) {
        return CheckoutSaga.definition(steps, properties);
    }

    @Bean
    SagaDefinition<CancelData> cancelSaga(OrderSagaSteps steps, OrderSagaProperties properties) {
        return CancelSaga.definition(steps, properties);
    }

    @Bean
    ChargePolicy chargePolicy(ChargeProperties properties) {
        return properties.policy();
    }
}
