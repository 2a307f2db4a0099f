package com.creatorcommerce.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

    private static Price usd(String amount) {
        return Price.of(new BigDecimal(amount), "USD");
    }

    @Test
    void pricePerCreditMatchesSeed002() {
        assertThat(usd("4.99").perCredit(100).toPlainString()).isEqualTo("0.0499");
        assertThat(usd("19.99").perCredit(500).toPlainString()).isEqualTo("0.04");
        assertThat(usd("69.99").perCredit(2000).toPlainString()).isEqualTo("0.035");
        assertThat(usd("149.99").perCredit(5000).toPlainString()).isEqualTo("0.03");
        assertThat(Price.of(new BigDecimal("50000"), "KRW").perCredit(1000).toPlainString())
                .isEqualTo("50");
    }

    @Test
    void minorUnitsAreExact() {
        assertThat(usd("19.99").minorUnits()).isEqualTo(1999);
        assertThat(usd("5").minorUnits()).isEqualTo(500);
        assertThat(Price.of(new BigDecimal("4900"), "KRW").minorUnits()).isEqualTo(4900);
        assertThat(usd("19.9").plain()).isEqualTo("19.90");
    }

    @Test
    void refusesWhatTheCurrencyCannotHold() {
        assertThatThrownBy(() -> usd("1.999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Price.of(new BigDecimal("1.5"), "KRW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd("1").perCredit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
