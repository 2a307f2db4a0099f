package com.creatorcommerce.contracts.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** {@code currency} is additive: what older producers send still reads, as KRW (issue 13). */
class ConfirmPaymentCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @Test
    void aMessageWithoutCurrencyIsKrw() {
        ConfirmPaymentCommand command = JSON.readValue("""
                {"payment_key":"pk_1","purpose":"POINT_CHARGE","reference_id":"7","user_id":"42","amount":10000}
                """, ConfirmPaymentCommand.class);

        assertThat(command.currency()).isEqualTo("KRW");
        assertThat(command.amount()).isEqualTo(10_000L);
    }

    @Test
    void theCurrencyIsWrittenAndReadBack() {
        ConfirmPaymentCommand usd = new ConfirmPaymentCommand("pk_1", PaymentPurpose.POINT_CHARGE, 7, 42, 1999, "USD");

        String json = JSON.writeValueAsString(usd);

        assertThat(json).contains("\"currency\":\"USD\"");
        assertThat(JSON.readValue(json, ConfirmPaymentCommand.class)).isEqualTo(usd);
    }

    @Test
    void theFiveArgumentConstructorAndANullCurrencyMeanKrw() {
        assertThat(new ConfirmPaymentCommand("pk_1", PaymentPurpose.POINT_CHARGE, 7, 42, 100).currency())
                .isEqualTo(ConfirmPaymentCommand.KRW);
        assertThat(new ConfirmPaymentCommand("pk_1", PaymentPurpose.POINT_CHARGE, 7, 42, 100, null).currency())
                .isEqualTo(ConfirmPaymentCommand.KRW);
    }
}
