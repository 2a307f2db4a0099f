package com.creatorcommerce.platform.saga;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The mutable working copy {@link SagaStateMachine} builds a {@link Transition} in. */
final class TransitionDraft<D> {

    private final SagaDefinition<D> def;
    private final SagaState<D> from;
    SagaStatus status;
    int step;
    D data;
    int attempts;
    String reasonCode;
    String reasonDetail;
    String lastError;
    final LinkedHashSet<String> executed;
    final LinkedHashSet<String> compensated;
    private boolean resetDeadline;
    private Duration deadline;
    private boolean stepStarted;
    private final List<Transition.Effect> effects = new ArrayList<>();

    TransitionDraft(SagaDefinition<D> def, SagaState<D> from) {
        this.def = def;
        this.from = from;
        this.status = from.status();
        this.step = from.step();
        this.data = from.data();
        this.attempts = from.attempts();
        this.reasonCode = from.reasonCode();
        this.reasonDetail = from.reasonDetail();
        this.lastError = from.lastError();
        this.executed = new LinkedHashSet<>(from.executed());
        this.compensated = new LinkedHashSet<>(from.compensated());
    }

    /** Step {@code index} now waits for a reply (its attempt {@code attempt}) until now + {@code timeout}. */
    void awaiting(int index, int attempt, Duration timeout, boolean newWait) {
        step = index;
        attempts = attempt;
        resetDeadline = true;
        deadline = timeout;
        stepStarted |= newWait;
    }

    /** Nothing is awaited any more (the saga ended). */
    void awaitNothing() {
        awaitNothing(-1);
        attempts = 0;
    }

    /** Nothing is awaited; the saga stays on step {@code index} (FAILED: an operator looks at it). */
    void awaitNothing(int index) {
        step = index;
        resetDeadline = true;
        deadline = null;
    }

    /** Why the saga compensates or is parked; the first reason stays (later ones are consequences). */
    void reason(String code, String detail) {
        if (reasonCode == null) {
            reasonCode = code;
            reasonDetail = detail;
        }
    }

    /** A parked saga goes on (an operator's retry, a late success): no reason any more. */
    void clearReason() {
        reasonCode = null;
        reasonDetail = null;
        lastError = null;
    }

    SagaReason reason() {
        return new SagaReason(reasonCode, reasonDetail);
    }

    void log(int index, StepEvent event, String messageId, String outcome, String detail) {
        effects.add(new Transition.Log(name(index), event, messageId, outcome, detail));
    }

    void send(int index, StepEvent event, SagaCommand command, String detail) {
        effects.add(new Transition.Send(name(index), event, command, detail));
    }

    Transition<D> done() {
        SagaState<D> next = new SagaState<>(
                from.id(),
                from.type(),
                status,
                step,
                data,
                attempts,
                reasonCode,
                reasonDetail,
                lastError,
                List.copyOf(executed),
                List.copyOf(compensated));
        return new Transition<>(next, resetDeadline, deadline, stepStarted, effects);
    }

    private String name(int index) {
        return index < 0 ? null : def.step(index).name();
    }
}
