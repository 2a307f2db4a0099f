package com.creatorcommerce.platform.service.ops;

import com.creatorcommerce.platform.saga.SagaCommand;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaEngine;
import com.creatorcommerce.platform.saga.StepOutcome;
import java.time.Duration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service on the starter that orchestrates one saga: a local step, then a command nobody answers (its deadline is
 * far away), so that its instances stay RUNNING for the ops API to act on.
 */
@SpringBootApplication
public class SagaOpsTestApplication {

    static final String TYPE = "starter.demo";

    record Demo(long orderId) {}

    @Bean
    SagaDefinition<Demo> demoSaga() {
        return SagaDefinition.builder(TYPE, Demo.class)
                .step("hold", s -> s.action(StepOutcome::success).compensateLocally(d -> {}))
                .step(
                        "ask",
                        s -> s.command(d -> SagaCommand.of(
                                        "starter.demo.commands", Long.toString(d.orderId()), "starter.ask.v1", d))
                                .onSuccess("starter.answered.v1")
                                .deadline(Duration.ofHours(1)))
                .build();
    }

    /** Starts demo sagas in a transaction, as a use case would. */
    @Service
    public static class Demos {
        private final SagaEngine sagas;
        private final SagaDefinition<Demo> saga;

        Demos(SagaEngine sagas, SagaDefinition<Demo> saga) {
            this.sagas = sagas;
            this.saga = saga;
        }

        @Transactional
        public long start(long orderId) {
            return sagas.start(saga, new Demo(orderId));
        }
    }
}
