package com.creatorcommerce.platform.saga;

import static com.creatorcommerce.platform.saga.CheckoutSagaFixture.reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A remote compensation whose command function answers null for the saga's data is skipped: e.g. a payment is not
 * cancelled when a later step kept what it bought.
 */
class SagaCompensationSkipTest {

    record Purchase(long id, boolean kept) {
        Purchase keep() {
            return new Purchase(id, true);
        }
    }

    private final List<String> effects = new ArrayList<>();

    private final SagaDefinition<Purchase> definition = SagaDefinition.builder("test.purchase", Purchase.class)
            .step("reserve", s -> s.action(StepOutcome::success).compensateLocally(d -> effects.add("released")))
            .step(
                    "pay",
                    s -> s.command(d -> SagaCommand.of("pay.commands", "k", "pay.v1", d))
                            .onSuccess("paid.v1")
                            .compensateWith(
                                    d -> d.kept() ? null : SagaCommand.of("pay.commands", "k", "refund.v1", d),
                                    "refunded.v1")
                            .deadline(Duration.ofSeconds(5)))
            .step(
                    "deliver",
                    s -> s.command(d -> SagaCommand.of("goods.commands", "k", "deliver.v1", d))
                            .onSuccess("delivered.v1", Object.class, (d, r) -> d)
                            .deadline(Duration.ofSeconds(5)))
            .step(
                    "use",
                    s -> s.command(d -> SagaCommand.of("goods.commands", "k", "use.v1", d))
                            .onSuccess("used.v1")
                            .onFailure("use-refused.v1", "REFUSED")
                            .deadline(Duration.ofSeconds(5)))
            .onCompensated((d, reason) -> effects.add("compensated " + reason))
            .build();

    private final SagaStateMachine<Purchase> machine = new SagaStateMachine<>(definition);

    @Test
    void aCompensationAnsweringNullIsSkippedAndTheEarlierStepsAreStillCompensated() {
        SagaState<Purchase> s = new SagaState<>(
                1,
                definition.type(),
                SagaStatus.RUNNING,
                definition.indexOf("use"),
                new Purchase(9, true),
                1,
                null,
                null,
                null,
                List.of("reserve", "pay", "deliver", "use"),
                List.of());

        Transition<Purchase> t = machine.reply(s, reply("use-refused.v1", null), id -> Optional.empty());

        assertThat(t.next().status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(t.effects()).noneMatch(e -> e instanceof Transition.Send);
        assertThat(t.effects()).extracting(Transition.Effect::event).contains(StepEvent.COMPENSATION_SKIPPED);
        assertThat(effects).containsExactly("released", "compensated REFUSED");
    }

    @Test
    void aCompensationWithSomethingToUndoIsSent() {
        SagaState<Purchase> s = new SagaState<>(
                1,
                definition.type(),
                SagaStatus.RUNNING,
                definition.indexOf("use"),
                new Purchase(9, false),
                1,
                null,
                null,
                null,
                List.of("reserve", "pay", "deliver", "use"),
                List.of());

        Transition<Purchase> t = machine.reply(s, reply("use-refused.v1", null), id -> Optional.empty());

        assertThat(t.next().status()).isEqualTo(SagaStatus.COMPENSATING);
        assertThat(t.effects())
                .filteredOn(e -> e instanceof Transition.Send)
                .extracting(e -> ((Transition.Send) e).command().type())
                .containsExactly("refund.v1");
        assertThat(effects).isEmpty();
    }
}
