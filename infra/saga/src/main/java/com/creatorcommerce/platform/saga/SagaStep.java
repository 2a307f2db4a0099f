package com.creatorcommerce.platform.saga;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of a {@link SagaDefinition}: either local (an action in the transition's own transaction) or remote (a
 * command answered by replies), with an optional compensation (local, or a command answered by replies).
 */
record SagaStep<D>(
        String name,
        Predicate<D> when,
        Function<D, StepOutcome<D>> localAction,
        Function<D, SagaCommand> command,
        Map<String, ReplyRule<D>> replies,
        Consumer<D> localCompensation,
        Function<D, SagaCommand> compensation,
        Set<String> compensatedOn,
        Set<String> compensationFailsOn,
        Duration deadline,
        int maxAttempts,
        double backoff,
        int compensationAttempts) {

    boolean isLocal() {
        return localAction != null;
    }

    boolean appliesTo(D data) {
        return when == null || when.test(data);
    }

    boolean hasCompensation() {
        return localCompensation != null || compensation != null;
    }

    boolean hasRemoteCompensation() {
        return compensation != null;
    }

    /** How long attempt {@code attempt} (from 1) waits: the deadline grown by the back-off factor per attempt. */
    Duration deadlineOf(int attempt) {
        double factor = Math.pow(backoff, Math.max(0, attempt - 1));
        return Duration.ofNanos((long) Math.min(Long.MAX_VALUE / 2.0, deadline.toNanos() * factor));
    }

    boolean expectsActionReply(String type) {
        return replies.containsKey(type);
    }

    boolean expectsCompensationReply(String type) {
        return compensatedOn.contains(type) || compensationFailsOn.contains(type);
    }
}
