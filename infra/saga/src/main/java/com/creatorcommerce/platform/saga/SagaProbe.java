package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.saga.ReplyRule.PayloadReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test kit for unit tests of a service's {@link SagaDefinition} ("given this state and this reply, expect this
 * command"): drives it through the library's own state machine: start, replies, deadlines, an operator's retry; no
 * Spring, database or broker. Each call moves on from the state the previous one left, and answers what the
 * transition did: the new status and step, the data, the reason, the commands it sent and the log events it wrote.
 *
 * @param <D> the saga data
 */
public final class SagaProbe<D> {

    /** What one event did. */
    public record Step<D>(
            SagaStatus status,
            String step,
            D data,
            int attempts,
            String reasonCode,
            String reasonDetail,
            List<String> executed,
            List<String> compensated,
            List<SagaCommand> sent,
            List<StepEvent> events,
            Duration deadline) {

        /** The only command sent. */
        public SagaCommand command() {
            if (sent.size() != 1) {
                throw new AssertionError("expected exactly one command, sent " + sent);
            }
            return sent.getFirst();
        }
    }

    private final SagaDefinition<D> definition;
    private final SagaStateMachine<D> machine;
    private SagaState<D> state;
    private int replies;

    public SagaProbe(SagaDefinition<D> definition) {
        this.definition = definition;
        this.machine = new SagaStateMachine<>(definition);
    }

    public Step<D> start(D data) {
        return apply(machine.start(7, data));
    }

    /** A reply of {@code type} whose payload reads as {@code payload}. */
    public Step<D> reply(String type, Object payload) {
        PayloadReader reader = new PayloadReader() {
            @Override
            public <R> R read(Class<R> t) {
                return t.cast(payload);
            }
        };
        SagaReply reply = new SagaReply(type, "reply-" + ++replies, null, reader);
        return apply(machine.reply(require(), reply, id -> Optional.empty()));
    }

    /** The awaited reply's deadline passed. */
    public Step<D> deadline() {
        return apply(machine.deadline(require()));
    }

    /** An operator retries the saga (the current command or compensation; a parked forward-only step). */
    public Step<D> retry() {
        return apply(machine.retry(require()));
    }

    private SagaState<D> require() {
        if (state == null) {
            throw new IllegalStateException("start the saga first");
        }
        return state;
    }

    private Step<D> apply(Transition<D> t) {
        state = t.next();
        List<SagaCommand> sent = new ArrayList<>();
        List<StepEvent> events = new ArrayList<>();
        for (Transition.Effect e : t.effects()) {
            events.add(e.event());
            if (e instanceof Transition.Send s) {
                sent.add(s.command());
            }
        }
        SagaState<D> s = t.next();
        return new Step<>(
                s.status(),
                s.step() < 0 ? null : definition.step(s.step()).name(),
                s.data(),
                s.attempts(),
                s.reasonCode(),
                s.reasonDetail(),
                s.executed(),
                s.compensated(),
                List.copyOf(sent),
                List.copyOf(events),
                t.deadline());
    }
}
