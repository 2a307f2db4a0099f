package com.creatorcommerce.platform.saga;

import java.time.Duration;
import java.util.List;

/**
 * What one event (start, reply, deadline, operator) does to a saga: its next state, its deadline, and the effects to
 * write in the same transaction, in order.
 *
 * @param resetDeadline whether the deadline changes: to now + {@code deadline}, or to none when that is {@code null}
 *     (a late reply changes nothing, so the deadline stays)
 * @param stepStarted whether a new step (or compensation) began waiting, so that its latency is measured from now
 */
record Transition<D>(
        SagaState<D> next, boolean resetDeadline, Duration deadline, boolean stepStarted, List<Effect> effects) {

    Transition {
        effects = List.copyOf(effects);
    }

    /** A row of the step log, or a command to append to the outbox (logged with its message id). */
    sealed interface Effect {
        String step();

        StepEvent event();
    }

    record Log(String step, StepEvent event, String messageId, String outcome, String detail) implements Effect {}

    record Send(String step, StepEvent event, SagaCommand command, String detail) implements Effect {}

    boolean has(StepEvent event) {
        return effects.stream().anyMatch(e -> e.event() == event);
    }
}
