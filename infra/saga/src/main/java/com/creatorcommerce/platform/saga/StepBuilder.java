package com.creatorcommerce.platform.saga;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Defines one step of a saga (see {@link SagaDefinition.Builder#step}). A <b>local</b> step has an {@link #action};
 * a <b>remote</b> step has a {@link #command}, its expected replies named by outcome ({@link #onSuccess},
 * {@link #onFailure}) and a {@link #deadline}. Either may have a compensation: {@link #compensateLocally} or
 * {@link #compensateWith} (a command answered by replies). Compensations must be idempotent and must cope with an
 * action that never happened (the saga compensates a step whose reply never came).
 *
 * @param <D> the saga data
 */
public final class StepBuilder<D> {

    private final String name;
    private Predicate<D> when;
    private Function<D, StepOutcome<D>> action;
    private Function<D, SagaCommand> command;
    private final Map<String, ReplyRule<D>> replies = new LinkedHashMap<>();
    private Consumer<D> localCompensation;
    private Function<D, SagaCommand> compensation;
    private final Set<String> compensatedOn = new LinkedHashSet<>();
    private final Set<String> compensationFailsOn = new LinkedHashSet<>();
    private Duration deadline;
    private int maxAttempts = 1;
    private double backoff = 2.0;
    private int compensationAttempts = 5;

    StepBuilder(String name) {
        this.name = name;
    }

    /** Runs the step only when {@code condition} holds for the data at that point; skipped steps are not compensated. */
    public StepBuilder<D> when(Predicate<D> condition) {
        this.when = Objects.requireNonNull(condition);
        return this;
    }

    /** A local step: runs in the transition's transaction; a {@link StepOutcome#failure} starts compensation. */
    public StepBuilder<D> action(Function<D, StepOutcome<D>> localAction) {
        this.action = Objects.requireNonNull(localAction);
        return this;
    }

    /** A remote step: the command sent through the outbox (rebuilt from the same data on a retry). */
    public StepBuilder<D> command(Function<D, SagaCommand> remoteCommand) {
        this.command = Objects.requireNonNull(remoteCommand);
        return this;
    }

    /** A reply of type {@code type} means success; {@code update} gives the data the saga goes on with. */
    public <R> StepBuilder<D> onSuccess(String type, Class<R> payloadType, BiFunction<D, R, D> update) {
        return reply(ReplyRule.success(type, Objects.requireNonNull(payloadType), Objects.requireNonNull(update)));
    }

    /** A reply of type {@code type} means success; the data stays as it is. */
    public StepBuilder<D> onSuccess(String type) {
        return reply(ReplyRule.success(type));
    }

    /** A reply of type {@code type} means failure with the reason code read from its payload. */
    public <R> StepBuilder<D> onFailure(String type, Class<R> payloadType, Function<R, String> reasonCode) {
        return reply(
                ReplyRule.failure(type, Objects.requireNonNull(payloadType), Objects.requireNonNull(reasonCode), null));
    }

    /**
     * A reply of type {@code type} means failure with the reason code read from its payload, and {@code detail}
     * (the participant's message; may answer null) kept as the saga's {@link SagaReason#detail()}.
     */
    public <R> StepBuilder<D> onFailure(
            String type, Class<R> payloadType, Function<R, String> reasonCode, Function<R, String> detail) {
        return reply(ReplyRule.failure(
                type,
                Objects.requireNonNull(payloadType),
                Objects.requireNonNull(reasonCode),
                Objects.requireNonNull(detail)));
    }

    /** A reply of type {@code type} means failure with a fixed reason code. */
    public StepBuilder<D> onFailure(String type, String reasonCode) {
        return reply(ReplyRule.failure(type, Objects.requireNonNull(reasonCode)));
    }

    /** Undoes a local step locally, in the compensating transition's transaction (run once). */
    public StepBuilder<D> compensateLocally(Consumer<D> undo) {
        this.localCompensation = Objects.requireNonNull(undo);
        return this;
    }

    /**
     * Undoes a remote step with a command; any of {@code compensatedReplyTypes} confirms it. It may be sent more than
     * once (deadline, a late success of the action), so participants must apply it once (a "closed" tombstone).
     * {@code undo} may answer null when the saga's data shows there is nothing to undo (the step is then skipped).
     */
    public StepBuilder<D> compensateWith(Function<D, SagaCommand> undo, String... compensatedReplyTypes) {
        this.compensation = Objects.requireNonNull(undo);
        compensatedOn.addAll(Arrays.asList(compensatedReplyTypes));
        return this;
    }

    /** Replies that say the compensation could not be done: the saga becomes FAILED (needs an operator). */
    public StepBuilder<D> compensationFailsOn(String... replyTypes) {
        compensationFailsOn.addAll(Arrays.asList(replyTypes));
        return this;
    }

    /** How long the first send of the command (or compensation) waits for its reply. */
    public StepBuilder<D> deadline(Duration timeout) {
        this.deadline = Objects.requireNonNull(timeout);
        return this;
    }

    /**
     * The step is idempotent at the participant: on a deadline the same command (same key) is re-sent, up to
     * {@code attempts} sends in all, each waiting twice as long as the one before; then the saga compensates.
     */
    public StepBuilder<D> retryable(int attempts) {
        return retryable(attempts, 2.0);
    }

    /** As {@link #retryable(int)}, each attempt waiting {@code backoffFactor} times as long as the one before. */
    public StepBuilder<D> retryable(int attempts, double backoffFactor) {
        if (attempts < 1 || backoffFactor < 1.0) {
            throw new IllegalArgumentException("attempts >= 1 and backoffFactor >= 1 needed");
        }
        this.maxAttempts = attempts;
        this.backoff = backoffFactor;
        return this;
    }

    /** Sends of a compensation before the saga gives up as FAILED (default 5); compensations are always re-sent. */
    public StepBuilder<D> compensationAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts >= 1 needed");
        }
        this.compensationAttempts = attempts;
        return this;
    }

    private StepBuilder<D> reply(ReplyRule<D> rule) {
        if (replies.putIfAbsent(rule.type(), rule) != null) {
            throw new IllegalArgumentException("Step " + name + " expects reply " + rule.type() + " twice");
        }
        return this;
    }

    SagaStep<D> build() {
        String where = "Step " + name + ": ";
        if ((action == null) == (command == null)) {
            throw new IllegalStateException(where + "needs exactly one of action (local) or command (remote)");
        }
        if (action != null && compensation != null || command != null && localCompensation != null) {
            throw new IllegalStateException(where + "a local step compensates locally, a remote step with a command");
        }
        if (action != null && (!replies.isEmpty() || deadline != null || maxAttempts > 1)) {
            throw new IllegalStateException(where + "a local step has no replies, deadline or retries");
        }
        if (command != null && (replies.values().stream().noneMatch(ReplyRule::success) || deadline == null)) {
            throw new IllegalStateException(where + "a remote step needs a success reply and a deadline");
        }
        if (compensation != null && (compensatedOn.isEmpty() || deadline == null)) {
            throw new IllegalStateException(where + "a remote compensation needs its reply types and a deadline");
        }
        if (compensation == null && !compensationFailsOn.isEmpty()) {
            throw new IllegalStateException(where + "compensationFailsOn without compensateWith");
        }
        for (String type : replies.keySet()) {
            if (compensatedOn.contains(type) || compensationFailsOn.contains(type)) {
                throw new IllegalStateException(where + type + " answers both the command and the compensation");
            }
        }
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalStateException(where + "the deadline must be positive");
        }
        return new SagaStep<>(
                name,
                when,
                action,
                command,
                Map.copyOf(replies),
                localCompensation,
                compensation,
                Set.copyOf(compensatedOn),
                Set.copyOf(compensationFailsOn),
                deadline,
                maxAttempts,
                backoff,
                compensationAttempts);
    }
}
