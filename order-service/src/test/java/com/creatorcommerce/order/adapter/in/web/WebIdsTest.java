package com.creatorcommerce.order.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebIdsTest {

    @Test
    void acceptsOnlyPositiveLongsInPlainDigits() {
        assertThat(WebIds.parse("1")).isEqualTo(1);
        assertThat(WebIds.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        for (String bad : new String[] {
            null,
            "",
            "0",
            "-1",
            "+1",
            " 1",
            "1.0",
            "1e3",
            "abc",
            "0x10",
            "9223372036854775808",
            "99999999999999999999",
            "١٢"
        }) {
            assertThat(WebIds.parse(bad)).as(bad).isEqualTo(-1);
        }
    }
}
