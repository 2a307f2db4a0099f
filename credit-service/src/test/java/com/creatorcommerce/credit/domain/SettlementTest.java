package com.creatorcommerce.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static Settlement of(long gross, String fee, String rate, String currency) {
        return Settlement.compute(
                1,
                2,
                YearMonth.of(2026, 11),
                1,
                gross,
                new BigDecimal(fee),
                new BigDecimal(rate),
                Currency.getInstance(currency),
                Instant.EPOCH);
    }

    @Test
    void theFeeIsRoundedUpToWholeCreditsAndTheMoneyDownToTheMinorUnit() {
        Settlement s = of(7, "0.20", "0.04", "USD");
        assertThat(s.feeCredits()).isEqualTo(2); // 1.4
        assertThat(s.netCredits()).isEqualTo(5);
        assertThat(s.netAmount()).isEqualByComparingTo("0.20");
        assertThat(s.status()).isEqualTo(Settlement.Status.OWED);

        Settlement odd = of(1001, "0.15", "0.0333", "USD");
        assertThat(odd.feeCredits()).isEqualTo(151); // 150.15
        assertThat(odd.netCredits()).isEqualTo(850);
        assertThat(odd.netAmount()).isEqualByComparingTo("28.30"); // 28.305
        assertThat(of(3, "0.20", "10.5", "KRW").netAmount()).isEqualByComparingTo("21"); // 2 x 10.5
        assertThat(of(100, "0", "0.04", "USD").netCredits()).isEqualTo(100);
        assertThat(of(100, "1", "0.04", "USD").netAmount()).isEqualByComparingTo("0");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> of(0, "0.2", "0.04", "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of(5, "1.2", "0.04", "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of(5, "0.2", "0", "USD")).isInstanceOf(IllegalArgumentException.class);
    }
}
