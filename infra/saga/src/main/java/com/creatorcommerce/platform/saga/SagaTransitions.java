package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.saga.SagaStore.Columns;
import com.creatorcommerce.platform.saga.SagaStore.LogRow;
import com.creatorcommerce.platform.saga.SagaStore.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one event of one saga inside the caller's transaction: locks the instance row, asks the
 * {@link SagaStateMachine}, then writes the state, the commands (outbox) and the step log. Meters are recorded after
 * commit.
 */
final class SagaTransitions {

    private final Map<String, SagaDefinition<?>> definitions = new LinkedHashMap<>();
    private final SagaStore store;
    private final Outbox outbox;
    private final JsonMapper json;
    private final SagaMetrics metrics;

    SagaTransitions(
            Collection<? extends SagaDefinition<?>> definitions,
            SagaStore store,
            Outbox outbox,
            JsonMapper json,
            SagaMetrics metrics) {
        for (SagaDefinition<?> d : definitions) {
            if (this.definitions.putIfAbsent(d.type(), d) != null) {
                throw new IllegalStateException("Two saga definitions of type " + d.type());
            }
        }
        this.store = store;
        this.outbox = outbox;
        this.json = json;
        this.metrics = metrics;
    }

    Map<String, SagaDefinition<?>> definitions() {
        return definitions;
    }

    <D> long start(SagaDefinition<D> def, long id, D data) {
        requireTransaction();
        if (definitions.get(def.type()) != def) {
            throw new IllegalArgumentException(
                    "Saga definition " + def.type() + " is not registered: declare it as a " + "bean");
        }
        Transition<D> t = new SagaStateMachine<>(def).start(id, data);
        List<LogRow> log = effects(def, id, t, 0);
        store.insert(id, def.type(), columns(t, log.size()), t.deadline(), t.stepStarted());
        store.appendLog(id, log);
        afterCommit(def, t, null);
        return id;
    }

    /** Applies a reply; false when it names no saga of this service (another requester's flow). */
    boolean reply(InboundMessage message) {
        requireTransaction();
        Optional<SagaCorrelation.Ref> ref = SagaCorrelation.parse(message.correlationId());
        if (ref.isEmpty() || !definitions.containsKey(ref.get().type())) {
            return false;
        }
        Optional<Row> row =
                store.lock(ref.get().id()).filter(r -> r.type().equals(ref.get().type()));
        if (row.isEmpty()) {
            return false;
        }
        SagaReply reply =
                new SagaReply(message.type(), message.id(), message.causationId(), new PayloadReaderOf(message, json));
        apply(
                row.get(),
                (machine, state) -> machine.reply(
                        state, reply, messageId -> store.sent(row.get().id(), messageId)));
        return true;
    }

    /** Handles an expired deadline; false when the saga is not (or no longer) expired, or another instance holds it. */
    boolean deadline(long id) {
        requireTransaction();
        Optional<Row> row = store.lockExpired(id);
        row.ifPresent(r -> apply(r, SagaStateMachine::deadline));
        return row.isPresent();
    }

    /** An operator's event on a locked row. */
    void apply(Row row, BiFunction<SagaStateMachine<Object>, SagaState<Object>, Transition<Object>> event) {
        @SuppressWarnings("unchecked")
        SagaDefinition<Object> def = (SagaDefinition<Object>) definitions.get(row.type());
        if (def == null) {
            throw new IllegalStateException("No saga definition of type " + row.type() + " for saga " + row.id());
        }
        SagaState<Object> state = new SagaState<>(
                row.id(),
                row.type(),
                row.status(),
                row.step() == null ? -1 : def.indexOf(row.step()),
                json.readValue(row.data(), def.dataType()),
                row.attempts(),
                row.reasonCode(),
                row.reasonDetail(),
                row.lastError(),
                row.executed(),
                row.compensated());
        Transition<Object> t = event.apply(new SagaStateMachine<>(def), state);
        List<LogRow> log = effects(def, row.id(), t, row.logSeq());
        store.update(row, columns(t, row.logSeq() + log.size()), t.resetDeadline(), t.deadline(), t.stepStarted());
        store.appendLog(row.id(), log);
        afterCommit(def, t, row.stepElapsedMicros());
    }

    private <D> List<LogRow> effects(SagaDefinition<D> def, long id, Transition<D> t, int lastSeq) {
        List<LogRow> rows = new ArrayList<>();
        int seq = lastSeq;
        for (Transition.Effect e : t.effects()) {
            switch (e) {
                case Transition.Log l ->
                    rows.add(new LogRow(++seq, l.step(), l.event(), l.messageId(), l.outcome(), l.detail()));
                case Transition.Send s -> {
                    SagaCommand c = s.command();
                    OutboundMessage m = new OutboundMessage(
                            c.topic(),
                            c.key(),
                            c.type(),
                            c.key(),
                            c.payload(),
                            SagaCorrelation.of(def.type(), id),
                            c.userId());
                    long messageId = outbox.append(m);
                    rows.add(new LogRow(
                            ++seq,
                            s.step(),
                            s.event(),
                            Long.toString(messageId),
                            null,
                            s.detail() == null ? c.type() : c.type() + ": " + s.detail()));
                }
            }
        }
        return rows;
    }

    private <D> Columns columns(Transition<D> t, int logSeq) {
        SagaState<D> s = t.next();
        SagaDefinition<?> def = definitions.get(s.type());
        return new Columns(
                s.status(),
                s.step() < 0 ? null : def.step(s.step()).name(),
                json.writeValueAsString(s.data()),
                s.executed(),
                s.compensated(),
                s.reasonCode(),
                s.reasonDetail(),
                s.attempts(),
                s.lastError(),
                logSeq);
    }

    private void afterCommit(SagaDefinition<?> def, Transition<?> t, Long stepElapsedMicros) {
        Runnable record = () -> {
            for (Transition.Effect e : t.effects()) {
                if (e instanceof Transition.Log l && stepElapsedMicros != null) {
                    if (l.event() == StepEvent.REPLY) {
                        metrics.stepReplied(
                                def.type(),
                                l.step(),
                                "SUCCESS".equals(l.outcome()) ? "success" : "failure",
                                stepElapsedMicros);
                    } else if (l.event() == StepEvent.COMPENSATION_REPLY) {
                        metrics.stepReplied(
                                def.type(),
                                l.step(),
                                "COMPENSATED".equals(l.outcome()) ? "compensated" : "compensation_failed",
                                stepElapsedMicros);
                    }
                }
                if (e.event() == StepEvent.DEADLINE) {
                    metrics.deadlineExpired(def.type(), e.step());
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Saga transitions run inside the transaction that writes "
                    + "their commands (start a saga inside the caller's @Transactional method)");
        }
    }

    /** Reads a reply's payload with the application's mapper. */
    private record PayloadReaderOf(InboundMessage message, JsonMapper json) implements ReplyRule.PayloadReader {
        @Override
        public <R> R read(Class<R> type) {
            return message.payloadAs(json, type);
        }
    }
}
