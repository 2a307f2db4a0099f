package com.creatorcommerce.platform.saga;

import static com.creatorcommerce.platform.saga.SagaStatus.RUNNING;

import com.creatorcommerce.platform.messaging.PermanentMessageException;
import com.creatorcommerce.platform.saga.SagaStateMachine.Sent;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which step a reply answers, and whether it answers the step's command or its compensation: by its causation id
 * (the message id of the command, as logged) when known, else by its type, the current step first. A type no step
 * expects is the message's own fault ({@link PermanentMessageException}).
 */
final class ReplyAttribution {

    /** The answered step's index, and whether the reply answers its compensation. */
    record Target(int index, boolean compensation) {}

    private ReplyAttribution() {}

    static <D> Target of(SagaDefinition<D> def, SagaState<D> s, SagaReply r, Function<String, Optional<Sent>> sentBy) {
        String type = r.type();
        if (r.causationId() != null) {
            Optional<Sent> sent = sentBy.apply(r.causationId());
            if (sent.isPresent() && def.stepNames().contains(sent.get().step())) {
                int i = def.indexOf(sent.get().step());
                boolean compensation = sent.get().compensation();
                if (compensation
                        ? def.step(i).expectsCompensationReply(type)
                        : def.step(i).expectsActionReply(type)) {
                    return new Target(i, compensation);
                }
            }
        }
        if (s.step() >= 0) {
            SagaStep<D> current = def.step(s.step());
            if (s.status() == RUNNING && current.expectsActionReply(type)) {
                return new Target(s.step(), false);
            }
            if (s.status() != RUNNING && current.expectsCompensationReply(type)) {
                return new Target(s.step(), true);
            }
        }
        for (int i = def.steps().size() - 1; i >= 0; i--) {
            if (def.step(i).expectsActionReply(type)) {
                return new Target(i, false);
            }
        }
        for (int i = def.steps().size() - 1; i >= 0; i--) {
            if (def.step(i).expectsCompensationReply(type)) {
                return new Target(i, true);
            }
        }
        throw new PermanentMessageException(
                "Saga " + def.type() + " expects no reply of type " + type + " (saga " + s.id() + ")");
    }
}
