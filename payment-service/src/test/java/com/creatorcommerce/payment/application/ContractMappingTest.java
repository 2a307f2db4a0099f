package com.creatorcommerce.payment.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.domain.PaymentFailure;
import com.creatorcommerce.payment.domain.PaymentPurpose;
import com.creatorcommerce.payment.domain.PaymentTombstone;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The domain keeps its own purposes and codes; they must stay the published ones, name for name. */
class ContractMappingTest {

    @Test
    void everyPublishedPurposeHasTheSameDomainPurposeAndBack() {
        for (var published : com.creatorcommerce.contracts.payment.PaymentPurpose.values()) {
            assertThat(Purposes.toContract(Purposes.toDomain(published))).isEqualTo(published);
        }
        assertThat(Arrays.stream(PaymentPurpose.values())
                        .map(p -> Purposes.toContract(p).name()))
                .containsExactly(
                        Arrays.stream(PaymentPurpose.values()).map(Enum::name).toArray(String[]::new));
        assertThat(Purposes.toDomain(null)).isNull();
    }

    @Test
    void theDomainsAmountMismatchCodeIsThePublishedOne() {
        assertThat(PaymentFailure.AMOUNT_MISMATCH).isEqualTo(PaymentFailureCode.AMOUNT_MISMATCH);
    }

    @Test
    void theTombstonesCodeIsThePublishedOne() {
        assertThat(PaymentTombstone.CODE).isEqualTo(PaymentFailureCode.PAYMENT_CANCELLED);
    }
}
