package com.creatorcommerce.platform.saga;

import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATED;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATING;
import static com.creatorcommerce.platform.saga.SagaStatus.FAILED;
import static com.creatorcommerce.platform.saga.SagaStatus.RUNNING;

import com.creatorcommerce.platform.saga.StepOutcome.Failure;
import com.creatorcommerce.platform.saga.StepOutcome.Success;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a saga, free of Spring, the database and the broker: given a state and an event, the next state and
 * the commands and log rows to write. Local steps and local compensations run here (inside the caller's
 * transaction); the engine persists the {@link Transition} in the same transaction. This class decides which event
 * applies; {@link SagaMoves} moves the draft (forward, compensate, re-send, fail).
 */
final class SagaStateMachine<D> {

    /** A command this saga sent, found by its message id (the causation id of a reply). */
    record Sent(String step, boolean compensation) {}

    private final SagaDefinition<D> def;
    private final SagaMoves<D> moves;

    SagaStateMachine(SagaDefinition<D> def) {
        this.def = def;
        this.moves = new SagaMoves<>(def);
    }

    Transition<D> start(long id, D data) {
        TransitionDraft<D> d = new TransitionDraft<>(def, SagaState.initial(id, def.type(), data));
        d.log(-1, StepEvent.STARTED, null, null, null);
        moves.forward(d, 0);
        return d.done();
    }

    /** A reply correlated to this saga; {@code sentBy} finds a command of this saga by message id. */
    Transition<D> reply(SagaState<D> s, SagaReply r, Function<String, Optional<Sent>> sentBy) {
        TransitionDraft<D> d = new TransitionDraft<>(def, s);
        ReplyAttribution.Target t = ReplyAttribution.of(def, s, r, sentBy);
        SagaStep<D> step = def.step(t.index());
        boolean current = s.step() == t.index()
                && (t.compensation()
                        ? s.status() == COMPENSATING || s.status() == FAILED
                        : s.status() == RUNNING || (s.status() == FAILED && def.forwardOnly()));
        if (!current) {
            late(d, s, step, t, r);
        } else if (t.compensation()) {
            if (step.compensatedOn().contains(r.type())) {
                d.log(t.index(), StepEvent.COMPENSATION_REPLY, r.messageId(), "COMPENSATED", r.type());
                moves.compensateFrom(d, t.index() - 1, null, null, null);
            } else {
                d.log(t.index(), StepEvent.COMPENSATION_REPLY, r.messageId(), "FAILED", r.type());
                moves.fail(d, "Compensation of " + step.name() + " failed: " + r.type());
                def.failed(d.data, d.reason());
            }
        } else {
            StepOutcome<D> outcome = step.replies().get(r.type()).apply(s.data(), r.payload());
            switch (outcome) {
                case Success<D> ok -> {
                    d.log(t.index(), StepEvent.REPLY, r.messageId(), "SUCCESS", r.type());
                    if (s.status() == FAILED) { // a parked forward-only saga resumes: its step succeeded after all
                        d.clearReason();
                    }
                    d.data = ok.data();
                    moves.forward(d, t.index() + 1);
                }
                case Failure<D> f -> {
                    d.log(
                            t.index(),
                            StepEvent.REPLY,
                            r.messageId(),
                            f.reasonCode(),
                            f.detail() == null ? r.type() : r.type() + ": " + f.detail());
                    moves.undo(
                            d,
                            t.index(),
                            t.index() - 1,
                            f.reasonCode(),
                            f.detail(),
                            step.name() + " failed: " + f.reasonCode());
                }
            }
        }
        return d.done();
    }

    /** The current command or compensation went unanswered until its deadline. */
    Transition<D> deadline(SagaState<D> s) {
        requireAwaiting(s, "a deadline");
        TransitionDraft<D> d = new TransitionDraft<>(def, s);
        SagaStep<D> step = def.step(s.step());
        d.log(s.step(), StepEvent.DEADLINE, null, null, "attempt " + s.attempts() + " unanswered");
        if (s.status() == RUNNING) {
            if (s.attempts() < step.maxAttempts()) {
                moves.resend(d, step, false, "attempt " + (s.attempts() + 1), s.attempts() + 1);
            } else {
                String unanswered = step.name() + " unanswered after " + s.attempts() + " attempt(s)";
                moves.undo(d, s.step(), s.step(), SagaDefinition.DEADLINE_EXPIRED, unanswered, unanswered);
            }
        } else if (s.attempts() < step.compensationAttempts()) {
            moves.resend(d, step, true, "attempt " + (s.attempts() + 1), s.attempts() + 1);
        } else {
            moves.fail(d, "Compensation of " + step.name() + " unanswered after " + s.attempts() + " attempt(s)");
            def.failed(d.data, d.reason());
        }
        return d.done();
    }

    /** An operator re-sends the current command (RUNNING) or compensation (COMPENSATING, FAILED). */
    Transition<D> retry(SagaState<D> s) {
        if (s.step() < 0 || !(s.status().isAwaitingReply() || s.status() == FAILED)) {
            throw new IllegalStateException("Saga " + s.id() + " is " + s.status() + ": nothing to retry");
        }
        TransitionDraft<D> d = new TransitionDraft<>(def, s);
        SagaStep<D> step = def.step(s.step());
        boolean compensation = s.status() != RUNNING && !def.forwardOnly();
        d.log(s.step(), StepEvent.OPS_RETRY, null, null, compensation ? "compensation" : "command");
        d.status = compensation ? COMPENSATING : RUNNING;
        if (s.status() == FAILED && def.forwardOnly()) {
            d.clearReason(); // a parked forward-only saga goes on; should it fail again, that is the new reason
            if (step.isLocal()) {
                moves.forward(d, s.step());
                return d.done();
            }
        }
        moves.resend(d, step, compensation, "by an operator", 1);
        return d.done();
    }

    /** An operator compensates a RUNNING saga now (the current step included: its action may have happened). */
    Transition<D> compensate(SagaState<D> s) {
        if (s.status() != RUNNING || s.step() < 0) {
            throw new IllegalStateException("Saga " + s.id() + " is " + s.status() + ": only RUNNING sagas compensate");
        }
        if (def.forwardOnly()) {
            throw new IllegalStateException("Saga " + s.id() + " (" + def.type() + ") only goes forward: retry it");
        }
        TransitionDraft<D> d = new TransitionDraft<>(def, s);
        d.log(s.step(), StepEvent.OPS_COMPENSATE, null, null, null);
        moves.compensateFrom(
                d,
                s.step(),
                SagaDefinition.COMPENSATED_BY_OPERATOR,
                "Compensation started by an operator",
                "Compensation started by an operator");
        return d.done();
    }

    /**
     * Records a reply for a step that is not current. A success of an action whose compensation was already sent
     * re-sends that compensation (participants apply it once), so the late action does not stay in effect. Should a
     * compensation of an ended (COMPENSATED) saga then fail, the late action may stay in effect: the saga is parked
     * FAILED on that step for operators (the ops API lists it; a retry sends the compensation again), as when a
     * compensation fails in its turn.
     */
    private void late(TransitionDraft<D> d, SagaState<D> s, SagaStep<D> step, ReplyAttribution.Target t, SagaReply r) {
        boolean success = !t.compensation() && step.replies().get(r.type()).success();
        d.log(
                t.index(),
                StepEvent.LATE_REPLY_IGNORED,
                r.messageId(),
                t.compensation() ? "COMPENSATION_REPLY" : success ? "SUCCESS" : "FAILURE",
                r.type());
        if (success && s.compensated().contains(step.name()) && step.hasRemoteCompensation()) {
            SagaCommand undo = step.compensation().apply(s.data());
            if (undo != null) {
                d.send(
                        t.index(),
                        StepEvent.COMPENSATION_SENT,
                        undo,
                        "re-sent: success replied after the compensation was sent");
            }
        } else if (t.compensation()
                && s.status() == COMPENSATED
                && !step.compensatedOn().contains(r.type())) {
            d.step = t.index();
            moves.fail(d, "Compensation of " + step.name() + " failed after the saga was compensated: " + r.type());
            def.failed(d.data, d.reason());
        }
    }

    private static void requireAwaiting(SagaState<?> s, String what) {
        if (!s.status().isAwaitingReply() || s.step() < 0) {
            throw new IllegalStateException("Saga " + s.id() + " is " + s.status() + ": no " + what);
        }
    }
}
