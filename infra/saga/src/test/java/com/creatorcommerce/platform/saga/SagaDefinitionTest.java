package com.creatorcommerce.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The step DSL refuses definitions the engine could not run safely. */
class SagaDefinitionTest {

    record Data(long id) {}

    private static final SagaCommand CMD = SagaCommand.of("t.commands", "1", "t.do.v1", new Data(1));

    @Test
    void aValidDefinitionKeepsItsStepsInOrder() {
        SagaDefinition<Data> def = SagaDefinition.builder("credit.donation", Data.class)
                .step("debit", s -> s.action(StepOutcome::success).compensateLocally(d -> {}))
                .step("notify", s -> s.command(d -> CMD).onSuccess("t.done.v1").deadline(Duration.ofSeconds(5)))
                .build();

        assertThat(def.type()).isEqualTo("credit.donation");
        assertThat(def.stepNames()).containsExactly("debit", "notify");
        assertThat(def.indexOf("notify")).isEqualTo(1);
    }

    @Test
    void aRemoteStepNeedsASuccessReplyAndADeadline() {
        assertInvalid(s -> s.command(d -> CMD).onSuccess("t.done.v1"), "deadline");
        assertInvalid(
                s -> s.command(d -> CMD).onFailure("t.failed.v1", "X").deadline(Duration.ofSeconds(1)),
                "success reply");
        assertInvalid(s -> s.command(d -> CMD).onSuccess("t.done.v1").deadline(Duration.ZERO), "positive");
    }

    @Test
    void aStepIsEitherLocalOrRemote() {
        assertInvalid(s -> {}, "exactly one");
        assertInvalid(s -> s.action(StepOutcome::success).command(d -> CMD), "exactly one");
        assertInvalid(s -> s.action(StepOutcome::success).onSuccess("t.done.v1"), "local step");
        assertInvalid(s -> s.action(StepOutcome::success).compensateWith(d -> CMD, "t.undone.v1"), "compensates");
        assertInvalid(
                s -> s.command(d -> CMD)
                        .onSuccess("t.done.v1")
                        .deadline(Duration.ofSeconds(1))
                        .compensateLocally(d -> {}),
                "compensates");
    }

    @Test
    void aRemoteCompensationNeedsItsReplyTypesDistinctFromTheCommands() {
        assertInvalid(
                s -> s.command(d -> CMD)
                        .onSuccess("t.done.v1")
                        .deadline(Duration.ofSeconds(1))
                        .compensateWith(d -> CMD),
                "reply types");
        assertInvalid(
                s -> s.command(d -> CMD)
                        .onSuccess("t.done.v1")
                        .deadline(Duration.ofSeconds(1))
                        .compensateWith(d -> CMD, "t.done.v1"),
                "both");
        assertThatThrownBy(() -> SagaDefinition.builder("a.b", Data.class)
                        .step(
                                "x",
                                s -> s.command(d -> CMD).onSuccess("t.done.v1").onSuccess("t.done.v1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreUniqueAndSafeForTheCorrelationIdAndTheLog() {
        assertThatThrownBy(() -> SagaDefinition.builder("Order Checkout", Data.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SagaDefinition.builder("order:checkout", Data.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SagaDefinition.builder("a.b", Data.class).step("a,b", s -> {}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SagaDefinition.builder("a.b", Data.class)
                        .step("x", s -> s.action(StepOutcome::success))
                        .step("x", s -> s.action(StepOutcome::success))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two steps");
        assertThatThrownBy(() -> SagaDefinition.builder("a.b", Data.class).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachRetryWaitsLongerByTheBackoffFactor() {
        SagaDefinition<Data> def = SagaDefinition.builder("a.b", Data.class)
                .step(
                        "x",
                        s -> s.command(d -> CMD)
                                .onSuccess("t.done.v1")
                                .deadline(Duration.ofSeconds(2))
                                .retryable(3, 3.0))
                .build();

        SagaStep<Data> step = def.step(0);
        assertThat(step.deadlineOf(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(step.deadlineOf(2)).isEqualTo(Duration.ofSeconds(6));
        assertThat(step.deadlineOf(3)).isEqualTo(Duration.ofSeconds(18));
        assertThat(step.maxAttempts()).isEqualTo(3);
        assertThatThrownBy(() -> SagaDefinition.builder("a.b", Data.class).step("x", s -> s.retryable(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInvalid(Consumer<StepBuilder<Data>> step, String message) {
        assertThatThrownBy(() -> SagaDefinition.builder("a.b", Data.class)
                        .step("x", step)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }
}
