package com.creatorcommerce.platform.saga;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A saga type: ordered steps over data {@code D} (a record, stored as JSON), plus what to do once it completed or
 * was compensated. Declare each definition as a Spring bean; start instances with {@link SagaEngine#start}.
 *
 * <pre>{@code
 * SagaDefinition.builder("order.checkout", CheckoutData.class)
 *     .step("reserve-stock", s -> s
 *         .action(d -> stock.reserve(d) ? StepOutcome.success(d) : StepOutcome.failure("OUT_OF_STOCK"))
 *         .compensateLocally(d -> stock.release(d.orderId())))
 *     .step("reserve-coupon", s -> s
 *         .command(d -> SagaCommand.of("coupon.commands", key(d), "coupon.reserve.v1", reserve(d)))
 *         .onSuccess("coupon.reserved.v1", CouponReserved.class, (d, r) -> d.withDiscount(r.discountAmount()))
 *         .onFailure("coupon.reservation-rejected.v1", CouponReservationRejected.class, r -> r.reason().name())
 *         .compensateWith(d -> SagaCommand.of("coupon.commands", key(d), "coupon.release.v1", release(d)),
 *                 "coupon.reservation-released.v1")
 *         .deadline(Duration.ofSeconds(30))
 *         .retryable(3))
 *     .onCompleted(d -> orders.complete(d.orderId()))
 *     .onCompensated((d, reason) -> orders.cancel(d.orderId(), reason))
 *     .build();
 * }</pre>
 *
 * @param <D> the saga data
 */
public final class SagaDefinition<D> {

    /** Reason code of a saga compensated because a step's reply did not come in time (after its retries). */
    public static final String DEADLINE_EXPIRED = "DEADLINE_EXPIRED";
    /** Reason code of a saga an operator compensated. */
    public static final String COMPENSATED_BY_OPERATOR = "COMPENSATED_BY_OPERATOR";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final String type;
    private final Class<D> dataType;
    private final List<SagaStep<D>> steps;
    private final Consumer<D> onCompleted;
    private final BiConsumer<D, SagaReason> onCompensated;
    private final BiConsumer<D, SagaReason> onFailed;
    private final boolean forwardOnly;

    private SagaDefinition(Builder<D> b) {
        this.type = b.type;
        this.dataType = b.dataType;
        this.steps = List.copyOf(b.steps);
        this.onCompleted = b.onCompleted;
        this.onCompensated = b.onCompensated;
        this.onFailed = b.onFailed;
        this.forwardOnly = b.forwardOnly;
    }

    /** @param type unique among the sagas that share a replies topic: prefix it with the context, e.g. {@code order.checkout} */
    public static <D> Builder<D> builder(String type, Class<D> dataType) {
        return new Builder<>(type, dataType);
    }

    public String type() {
        return type;
    }

    public Class<D> dataType() {
        return dataType;
    }

    /** Step names in order. */
    public List<String> stepNames() {
        return steps.stream().map(SagaStep::name).toList();
    }

    List<SagaStep<D>> steps() {
        return steps;
    }

    SagaStep<D> step(int index) {
        return steps.get(index);
    }

    int indexOf(String stepName) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(stepName)) {
                return i;
            }
        }
        throw new IllegalStateException("Saga " + type + " has no step " + stepName
                + " (was the definition changed while instances were running?)");
    }

    Optional<Integer> indexExpectingActionReply(String replyType) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).expectsActionReply(replyType)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    Optional<Integer> indexExpectingCompensationReply(String replyType) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).expectsCompensationReply(replyType)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    void completed(D data) {
        if (onCompleted != null) {
            onCompleted.accept(data);
        }
    }

    void compensated(D data, SagaReason reason) {
        if (onCompensated != null) {
            onCompensated.accept(data, reason);
        }
    }

    void failed(D data, SagaReason reason) {
        if (onFailed != null) {
            onFailed.accept(data, reason);
        }
    }

    /** Its steps only go forward: a step that fails is parked FAILED for an operator, nothing is compensated. */
    public boolean forwardOnly() {
        return forwardOnly;
    }

    @Override
    public String toString() {
        return "SagaDefinition[" + type + " " + stepNames() + "]";
    }

    /** Builds a {@link SagaDefinition}; validates names and steps on {@link #build()}. */
    public static final class Builder<D> {
        private final String type;
        private final Class<D> dataType;
        private final List<SagaStep<D>> steps = new ArrayList<>();
        private Consumer<D> onCompleted;
        private BiConsumer<D, SagaReason> onCompensated;
        private BiConsumer<D, SagaReason> onFailed;
        private boolean forwardOnly;

        private Builder(String type, Class<D> dataType) {
            this.type = checkName("saga type", type);
            this.dataType = Objects.requireNonNull(dataType, "dataType");
        }

        /** Adds a step, defined by {@code definition} (local: {@code action}; remote: {@code command} + replies). */
        public Builder<D> step(String name, Consumer<StepBuilder<D>> definition) {
            StepBuilder<D> step = new StepBuilder<>(checkName("step name", name));
            definition.accept(step);
            steps.add(step.build());
            return this;
        }

        /** Runs in the transaction of the transition that completes the saga (e.g. mark the order COMPLETED). */
        public Builder<D> onCompleted(Consumer<D> hook) {
            this.onCompleted = Objects.requireNonNull(hook);
            return this;
        }

        /** Runs in the transaction that ends the compensation, with the reason code (e.g. CANCELLED + reason). */
        public Builder<D> onCompensated(BiConsumer<D, String> hook) {
            Objects.requireNonNull(hook);
            this.onCompensated = (data, reason) -> hook.accept(data, reason.code());
            return this;
        }

        /**
         * As {@link #onCompensated}, with the whole {@link SagaReason}: the code and what the refusing participant
         * said (or which step went unanswered), e.g. to show the user exactly why.
         */
        public Builder<D> onCompensatedWith(BiConsumer<D, SagaReason> hook) {
            this.onCompensated = Objects.requireNonNull(hook);
            return this;
        }

        /**
         * Runs in the transaction that parks the saga FAILED (a compensation refused or unanswered, or a step of a
         * {@link #forwardOnly()} saga refused or unanswered), with the reason. It may run again if an operator's
         * retry fails again.
         */
        public Builder<D> onFailed(BiConsumer<D, SagaReason> hook) {
            this.onFailed = Objects.requireNonNull(hook);
            return this;
        }

        /**
         * The saga only goes forward (e.g. undoing a completed order: refund, release, restore): no step has a
         * compensation. A step refused, or unanswered after its attempts, parks the saga FAILED on that step
         * (visible in the ops API, {@link #onFailed} told) instead of "compensating" nothing; an operator's retry
         * sends the step again, and its success (even a late one) resumes the saga.
         */
        public Builder<D> forwardOnly() {
            this.forwardOnly = true;
            return this;
        }

        public SagaDefinition<D> build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("Saga " + type + " has no steps");
            }
            Set<String> names = new HashSet<>();
            for (SagaStep<D> s : steps) {
                if (!names.add(s.name())) {
                    throw new IllegalStateException("Saga " + type + " has two steps named " + s.name());
                }
                if (forwardOnly && s.hasCompensation()) {
                    throw new IllegalStateException(
                            "Saga " + type + " is forward-only, but step " + s.name() + " has a compensation");
                }
            }
            return new SagaDefinition<>(this);
        }

        private static String checkName(String what, String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(what + " must match " + NAME.pattern() + ": " + name);
            }
            return name;
        }
    }
}
