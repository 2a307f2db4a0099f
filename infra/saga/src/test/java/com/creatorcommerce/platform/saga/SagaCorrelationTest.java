package com.creatorcommerce.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Saga correlation ids name the type, so another flow's bare Snowflake id is never taken for a saga. */
class SagaCorrelationTest {

    @Test
    void aSagaCorrelationIdRoundTrips() {
        String id = SagaCorrelation.of("order.checkout", 7291305213345793L);

        assertThat(id).isEqualTo("order.checkout:7291305213345793");
        assertThat(SagaCorrelation.parse(id)).contains(new SagaCorrelation.Ref("order.checkout", 7291305213345793L));
    }

    @Test
    void otherFlowsCorrelationIdsAreNotSagas() {
        assertThat(SagaCorrelation.parse(null)).isEmpty();
        assertThat(SagaCorrelation.parse("7291305213345793")).isEmpty();
        assertThat(SagaCorrelation.parse("order.checkout:")).isEmpty();
        assertThat(SagaCorrelation.parse(":12")).isEmpty();
        assertThat(SagaCorrelation.parse("order.checkout:12a")).isEmpty();
        assertThat(SagaCorrelation.parse("order.checkout:-12")).isEmpty();
        assertThat(SagaCorrelation.parse("order.checkout:99999999999999999999")).isEmpty();
    }
}
