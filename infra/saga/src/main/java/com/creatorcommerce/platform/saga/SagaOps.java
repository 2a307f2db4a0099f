package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.saga.SagaOpsException.Kind;
import com.creatorcommerce.platform.saga.SagaStore.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What operators do about sagas (the admin API calls this): list them by status, type and age; look at one with its
 * step log; re-send the current step's command or compensation ({@link #retry}); compensate a running saga now
 * ({@link #compensate}). Both actions are transitions like any other (one transaction, logged as {@code OPS_*}) and
 * write a {@code saga_ops_audit} row with who did it and why.
 */
public class SagaOps {

    /** A saga as operators see it (the {@code deadline_at} is when its awaited reply is overdue). */
    public record Summary(
            long id,
            String type,
            SagaStatus status,
            String currentStep,
            String reasonCode,
            int attempts,
            String lastError,
            Instant deadlineAt,
            Instant createdAt,
            Instant updatedAt) {}

    /** A row of the step log. */
    public record LogEntry(
            int seq, String step, StepEvent event, String messageId, String outcome, String detail, Instant at) {}

    /** An operator's action on the saga. */
    public record AuditEntry(String action, String actor, String reason, Instant at) {}

    /** A saga with its data (JSON), step log and operators' actions. */
    public record Detail(Summary saga, String data, List<LogEntry> steps, List<AuditEntry> audit) {}

    /** List filter; {@code null} fields match everything; {@code olderThan}: created at least that long ago. */
    public record Filter(SagaStatus status, String type, Duration olderThan) {}

    private final SagaQueries queries;
    private final SagaStore store;
    private final SagaTransitions transitions;
    private final TransactionTemplate tx;

    SagaOps(
            SagaQueries queries,
            SagaStore store,
            SagaTransitions transitions,
            PlatformTransactionManager transactionManager) {
        this.queries = queries;
        this.store = store;
        this.transitions = transitions;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** Oldest first. */
    public List<Summary> list(Filter filter, int offset, int limit) {
        return queries.list(filter, offset, limit);
    }

    public long count(Filter filter) {
        return queries.count(filter);
    }

    public Optional<Detail> detail(long id) {
        return queries.summary(id).map(s -> new Detail(s, queries.data(id), queries.log(id), queries.audit(id)));
    }

    /**
     * Re-sends the current step's command (RUNNING) or compensation (COMPENSATING, FAILED: the saga goes back to
     * COMPENSATING) with a fresh deadline and attempt count.
     *
     * @throws SagaOpsException NOT_FOUND, or CONFLICT when the saga has ended
     */
    public Summary retry(long id, String actor, String reason) {
        return act(
                id,
                actor,
                reason,
                "RETRY",
                status -> status.isAwaitingReply() || status == SagaStatus.FAILED
                        ? null
                        : "Saga " + id + " is " + status + ": there is nothing to retry",
                SagaStateMachine::retry);
    }

    /**
     * Starts the compensation of a RUNNING saga now, the current step included (its action may have happened).
     *
     * @throws SagaOpsException NOT_FOUND, or CONFLICT when the saga is not RUNNING
     */
    public Summary compensate(long id, String actor, String reason) {
        return act(
                id,
                actor,
                reason,
                "COMPENSATE",
                status -> status == SagaStatus.RUNNING
                        ? null
                        : "Saga " + id + " is " + status + ": only a RUNNING saga can be compensated",
                SagaStateMachine::compensate);
    }

    private Summary act(
            long id,
            String actor,
            String reason,
            String action,
            Function<SagaStatus, String> refusal,
            BiFunction<SagaStateMachine<Object>, SagaState<Object>, Transition<Object>> event) {
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An operator's action needs an actor and a reason");
        }
        tx.executeWithoutResult(status -> {
            Row row = store.lock(id).orElseThrow(() -> new SagaOpsException(Kind.NOT_FOUND, "No saga " + id));
            String refused = refusal.apply(row.status());
            if (refused != null) {
                throw new SagaOpsException(Kind.CONFLICT, refused);
            }
            transitions.apply(row, event);
            store.audit(id, action, SagaStore.cut(actor, 100), SagaStore.cut(reason, 500));
        });
        return queries.summary(id).orElseThrow();
    }
}
