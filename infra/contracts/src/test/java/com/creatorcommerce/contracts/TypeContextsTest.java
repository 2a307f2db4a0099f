package com.creatorcommerce.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The type rule of ADR 16: a CloudEvents type starts with one of its {@code *Topics} class's type contexts, the
 * package's own context unless the class declares {@code TYPE_CONTEXTS}; topics stay {@code <context>.*}.
 */
class TypeContextsTest {

    private static final ContractClasses CONTRACTS = ContractClasses.scan();

    /** Declares a second context but leaves out its own ({@code contracts}): not allowed. */
    static final class DisowningTopics {
        public static final List<String> TYPE_CONTEXTS = List.of("donation");
    }

    /** A context that is no single lowercase word. */
    static final class BadContextTopics {
        public static final List<String> TYPE_CONTEXTS = List.of("contracts", "Live-Chat");
    }

    @Test
    void creditServiceOwnsTheCreditAndTheDonationContexts() {
        assertThat(ContractClasses.typeContexts(CreditTopics.class)).containsExactly("credit", "donation");
        assertThat(ContractClasses.typeContexts(PaymentTopics.class)).containsExactly("payment");
        assertThat(CreditTopics.DONATION_COMPLETED).isEqualTo("donation.completed.v1");
        assertThat(CONTRACTS.types())
                .extracting(ContractClasses.Constant::value)
                .contains("donation.completed.v1", "credit.purchased.v1", "payment.approved.v1");
        assertThat(CONTRACTS.unrecognised()).isEmpty();
    }

    @Test
    void aClassCannotDisownItsContextNorDeclareAMalformedOne() {
        assertThatThrownBy(() -> ContractClasses.typeContexts(DisowningTopics.class))
                .hasMessageContaining("must include its own context 'contracts'");
        assertThatThrownBy(() -> ContractClasses.typeContexts(BadContextTopics.class))
                .hasMessageContaining("'Live-Chat'");
    }

    @Test
    void anotherContextsTypeIsNotATypeOfAClassThatDoesNotDeclareIt() {
        ContractClasses.Constant borrowed =
                new ContractClasses.Constant(PaymentTopics.class, "DONATION", "donation.completed.v1");
        ContractClasses.Constant own =
                new ContractClasses.Constant(CreditTopics.class, "DONATION", "donation.completed.v1");
        assertThat(ContractClasses.isTypeConstant(borrowed)).isFalse();
        assertThat(ContractClasses.isTypeConstant(own)).isTrue();
        assertThat(ContractClasses.isTypeConstant(
                        new ContractClasses.Constant(CreditTopics.class, "X", "donation.events")))
                .isFalse();
    }
}
