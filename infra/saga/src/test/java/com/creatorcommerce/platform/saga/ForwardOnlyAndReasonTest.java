package com.creatorcommerce.platform.saga;

import static com.creatorcommerce.platform.saga.CheckoutSagaFixture.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A forward-only saga parks FAILED on the step that was refused or went unanswered (no "compensation" of nothing),
 * an operator's retry or a late success resumes it; a compensating saga's end hook gets the refusal's detail.
 */
class ForwardOnlyAndReasonTest {

    record Undo(long orderId, boolean stock) {}

    record Refund(long orderId) {}

    record Refused(String code, String message) {}

    private final List<String> effects = new ArrayList<>();

    private final SagaDefinition<Undo> forward = SagaDefinition.builder("order.cancel", Undo.class)
            .step(
                    "refund",
                    s -> s.command(d -> SagaCommand.of("points", "1", "refund.v1", new Refund(d.orderId())))
                            .onSuccess("refunded.v1")
                            .onFailure("refund-refused.v1", Refused.class, Refused::code, Refused::message)
                            .deadline(Duration.ofSeconds(5))
                            .retryable(2))
            .step(
                    "restore",
                    s -> s.action(d -> {
                        if (!d.stock()) {
                            return StepOutcome.failure("NO_STOCK_ROW", "the stock row is gone");
                        }
                        effects.add("restored");
                        return StepOutcome.success(d);
                    }))
            .forwardOnly()
            .onCompleted(d -> effects.add("completed"))
            .onFailed((d, r) -> effects.add("failed " + r.code() + " / " + r.detail()))
            .build();

    private final SagaStateMachine<Undo> machine = new SagaStateMachine<>(forward);

    private SagaState<Undo> at(SagaStatus status, String step, int attempts, Undo data, String reason) {
        return new SagaState<>(
                3,
                forward.type(),
                status,
                forward.indexOf(step),
                data,
                attempts,
                reason,
                null,
                null,
                List.of("refund"),
                List.of());
    }

    @Test
    void anUnansweredStepOfAForwardOnlySagaParksItFailedOnThatStepWithoutADeadline() {
        Transition<Undo> t = machine.deadline(at(SagaStatus.RUNNING, "refund", 2, new Undo(1, true), null));

        assertThat(t.next().status()).isEqualTo(SagaStatus.FAILED);
        assertThat(t.next().step()).isEqualTo(forward.indexOf("refund"));
        assertThat(t.next().reasonCode()).isEqualTo(SagaDefinition.DEADLINE_EXPIRED);
        assertThat(t.next().reasonDetail()).isEqualTo("refund unanswered after 2 attempt(s)");
        assertThat(t.resetDeadline()).isTrue();
        assertThat(t.deadline()).isNull();
        assertThat(t.effects()).noneMatch(e -> e instanceof Transition.Send);
        assertThat(t.has(StepEvent.FAILED)).isTrue();
        assertThat(effects).containsExactly("failed DEADLINE_EXPIRED / refund unanswered after 2 attempt(s)");
    }

    @Test
    void aRefusedStepParksItFailedWithTheParticipantsWords() {
        Transition<Undo> t = machine.reply(
                at(SagaStatus.RUNNING, "refund", 1, new Undo(1, true), null),
                reply("refund-refused.v1", new Refused("WALLET_CLOSED", "the wallet is closed")),
                id -> Optional.empty());

        assertThat(t.next().status()).isEqualTo(SagaStatus.FAILED);
        assertThat(t.next().reasonCode()).isEqualTo("WALLET_CLOSED");
        assertThat(t.next().reasonDetail()).isEqualTo("the wallet is closed");
        assertThat(effects).containsExactly("failed WALLET_CLOSED / the wallet is closed");
    }

    @Test
    void anOperatorsRetryOfAParkedSagaSendsTheStepAgainAndItsSuccessCompletesIt() {
        SagaState<Undo> parked = at(SagaStatus.FAILED, "refund", 2, new Undo(1, true), SagaDefinition.DEADLINE_EXPIRED);

        Transition<Undo> retried = machine.retry(parked);
        assertThat(retried.next().status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(retried.next().attempts()).isEqualTo(1);
        assertThat(retried.next().reasonCode()).isNull();
        assertThat(retried.deadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(retried.effects())
                .filteredOn(e -> e instanceof Transition.Send)
                .extracting(e -> ((Transition.Send) e).command().type())
                .containsExactly("refund.v1");

        Transition<Undo> done = machine.reply(retried.next(), reply("refunded.v1", null), id -> Optional.empty());
        assertThat(done.next().status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(effects).containsExactly("restored", "completed");
    }

    @Test
    void aLateSuccessOfTheParkedStepResumesTheSaga() {
        Transition<Undo> t = machine.reply(
                at(SagaStatus.FAILED, "refund", 2, new Undo(1, true), SagaDefinition.DEADLINE_EXPIRED),
                reply("refunded.v1", null),
                id -> Optional.empty());

        assertThat(t.next().status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(t.next().reasonCode()).isNull();
        assertThat(t.has(StepEvent.LATE_REPLY_IGNORED)).isFalse();
        assertThat(effects).containsExactly("restored", "completed");
    }

    @Test
    void aFailedLocalStepIsParkedAndRunAgainByARetry() {
        Transition<Undo> t = machine.reply(
                at(SagaStatus.RUNNING, "refund", 1, new Undo(1, false), null),
                reply("refunded.v1", null),
                id -> Optional.empty());
        assertThat(t.next().status()).isEqualTo(SagaStatus.FAILED);
        assertThat(t.next().step()).isEqualTo(forward.indexOf("restore"));
        assertThat(effects).containsExactly("failed NO_STOCK_ROW / the stock row is gone");

        SagaState<Undo> fixed = new SagaState<>(
                3,
                forward.type(),
                SagaStatus.FAILED,
                forward.indexOf("restore"),
                new Undo(1, true),
                0,
                "NO_STOCK_ROW",
                "the stock row is gone",
                null,
                List.of("refund"),
                List.of());
        Transition<Undo> retried = machine.retry(fixed);
        assertThat(retried.next().status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(effects).endsWith("restored", "completed");
    }

    @Test
    void aForwardOnlySagaIsNotCompensatedByAnOperatorNorDefinedWithACompensation() {
        assertThatThrownBy(() -> machine.compensate(at(SagaStatus.RUNNING, "refund", 1, new Undo(1, true), null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only goes forward");
        assertThatThrownBy(() -> SagaDefinition.builder("x.y", Undo.class)
                        .step("a", s -> s.action(StepOutcome::success).compensateLocally(d -> {}))
                        .forwardOnly()
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("forward-only");
    }

    @Test
    void aCompensatedSagasHookGetsTheRefusalsCodeAndDetail() {
        List<SagaReason> reasons = new ArrayList<>();
        SagaDefinition<Undo> def = SagaDefinition.builder("order.try", Undo.class)
                .step("stock", s -> s.action(StepOutcome::success).compensateLocally(d -> {}))
                .step(
                        "use",
                        s -> s.command(d -> SagaCommand.of("points", "1", "use.v1", new Refund(d.orderId())))
                                .onSuccess("used.v1")
                                .onFailure("use-refused.v1", Refused.class, Refused::code, Refused::message)
                                .deadline(Duration.ofSeconds(5)))
                .onCompensatedWith((d, r) -> reasons.add(r))
                .build();
        SagaStateMachine<Undo> m = new SagaStateMachine<>(def);
        SagaState<Undo> s = new SagaState<>(
                4,
                def.type(),
                SagaStatus.RUNNING,
                def.indexOf("use"),
                new Undo(1, true),
                1,
                null,
                null,
                null,
                List.of("stock", "use"),
                List.of());

        Transition<Undo> t = m.reply(
                s,
                reply("use-refused.v1", new Refused("INSUFFICIENT_POINTS", "The balance is 5000, 12000 needed")),
                id -> Optional.empty());

        assertThat(t.next().status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(reasons).containsExactly(new SagaReason("INSUFFICIENT_POINTS", "The balance is 5000, 12000 needed"));
        assertThat(t.effects())
                .filteredOn(e -> e.event() == StepEvent.REPLY)
                .extracting(e -> ((Transition.Log) e).detail())
                .containsExactly("use-refused.v1: The balance is 5000, 12000 needed");
    }
}
