package com.creatorcommerce.platform.saga;

import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATED;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATING;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPLETED;
import static com.creatorcommerce.platform.saga.SagaStatus.FAILED;
import static com.creatorcommerce.platform.saga.SagaStatus.RUNNING;

import com.creatorcommerce.platform.saga.StepOutcome.Failure;
import com.creatorcommerce.platform.saga.StepOutcome.Success;

/**
 * The moves of a saga's {@link TransitionDraft}, shared by every event of {@link SagaStateMachine}: forward through
 * the steps (local ones at once, up to the next remote command), undo a failed step (compensate, or park a
 * forward-only saga), compensate newest first, re-send a command or compensation, fail.
 */
final class SagaMoves<D> {

    private final SagaDefinition<D> def;

    SagaMoves(SagaDefinition<D> def) {
        this.def = def;
    }

    void forward(TransitionDraft<D> d, int from) {
        for (int i = from; i < def.steps().size(); i++) {
            SagaStep<D> step = def.step(i);
            if (!step.appliesTo(d.data)) {
                d.log(i, StepEvent.SKIPPED, null, null, null);
                continue;
            }
            if (!step.isLocal()) {
                d.executed.add(step.name());
                d.status = RUNNING;
                d.awaiting(i, 1, step.deadlineOf(1), true);
                d.send(i, StepEvent.COMMAND_SENT, step.command().apply(d.data), null);
                return;
            }
            StepOutcome<D> outcome = step.localAction().apply(d.data);
            if (outcome instanceof Failure<D> f) {
                d.log(i, StepEvent.LOCAL_FAILED, null, f.reasonCode(), f.detail());
                undo(d, i, i - 1, f.reasonCode(), f.detail(), step.name() + " failed: " + f.reasonCode());
                return;
            }
            d.data = ((Success<D>) outcome).data();
            d.executed.add(step.name());
            d.log(i, StepEvent.LOCAL_DONE, null, "SUCCESS", null);
        }
        d.status = COMPLETED;
        d.awaitNothing();
        def.completed(d.data);
        d.log(-1, StepEvent.COMPLETED, null, "SUCCESS", null);
    }

    /**
     * Step {@code failed} was refused or went unanswered: compensates from {@code from} down, or, for a forward-only
     * saga, parks it FAILED on that step.
     */
    void undo(TransitionDraft<D> d, int failed, int from, String reasonCode, String detail, String error) {
        if (!def.forwardOnly()) {
            compensateFrom(d, from, reasonCode, detail, error);
            return;
        }
        d.reason(reasonCode, detail);
        d.step = failed;
        fail(d, error);
        def.failed(d.data, d.reason());
    }

    /** Compensates executed steps from index {@code from} down: local ones at once, up to the first remote one. */
    void compensateFrom(TransitionDraft<D> d, int from, String reasonCode, String detail, String error) {
        d.status = COMPENSATING;
        d.reason(reasonCode, detail);
        if (error != null) {
            d.lastError = error;
        }
        for (int j = from; j >= 0; j--) {
            SagaStep<D> step = def.step(j);
            if (!d.executed.contains(step.name()) || d.compensated.contains(step.name()) || !step.hasCompensation()) {
                continue;
            }
            d.compensated.add(step.name());
            if (!step.hasRemoteCompensation()) {
                step.localCompensation().accept(d.data);
                d.log(j, StepEvent.LOCAL_COMPENSATED, null, "COMPENSATED", null);
                continue;
            }
            SagaCommand undo = step.compensation().apply(d.data);
            if (undo == null) { // the data says there is nothing to undo (e.g. a later step kept its effect)
                d.log(j, StepEvent.COMPENSATION_SKIPPED, null, "NOT_NEEDED", null);
                continue;
            }
            d.awaiting(j, 1, step.deadlineOf(1), true);
            d.send(j, StepEvent.COMPENSATION_SENT, undo, null);
            return;
        }
        d.status = COMPENSATED;
        d.awaitNothing();
        def.compensated(d.data, d.reason());
        d.log(-1, StepEvent.COMPENSATED, null, d.reasonCode, null);
    }

    void resend(TransitionDraft<D> d, SagaStep<D> step, boolean compensation, String detail, int attempt) {
        int i = def.indexOf(step.name());
        d.awaiting(i, attempt, step.deadlineOf(attempt), false);
        d.send(
                i,
                compensation ? StepEvent.COMPENSATION_SENT : StepEvent.RETRY,
                (compensation ? step.compensation() : step.command()).apply(d.data),
                detail);
    }

    void fail(TransitionDraft<D> d, String error) {
        d.status = FAILED;
        d.lastError = error;
        d.awaitNothing(d.step);
        d.log(d.step, StepEvent.FAILED, null, null, error);
    }
}
