package com.creatorcommerce.platform.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class IdempotencyKeyFormatTest {

    @Test
    void acceptsOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotentRequest.isValidKey("a")).isTrue();
        assertThat(IdempotentRequest.isValidKey("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"))
                .isTrue();
        assertThat(IdempotentRequest.isValidKey("order 42/attempt#1")).isTrue();
        assertThat(IdempotentRequest.isValidKey("k".repeat(255))).isTrue();
    }

    @Test
    void refusesEmptyTooLongNonAsciiOrControlCharacters() {
        assertThat(IdempotentRequest.isValidKey("")).isFalse();
        assertThat(IdempotentRequest.isValidKey("k".repeat(256))).isFalse();
        assertThat(IdempotentRequest.isValidKey("clé")).isFalse();
        assertThat(IdempotentRequest.isValidKey("a\tb")).isFalse();
        assertThat(IdempotentRequest.isValidKey(" padded ")).isFalse();
    }

    @Test
    void theRequestHashCoversMethodPathQueryAndBody() {
        String base = IdempotentRequest.hash(request("/v1/orders", null), "{\"a\":1}".getBytes());

        assertThat(base).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(IdempotentRequest.hash(request("/v1/orders", null), "{\"a\":1}".getBytes()))
                .isEqualTo(base);
        assertThat(IdempotentRequest.hash(request("/v1/orders", null), "{\"a\":2}".getBytes()))
                .isNotEqualTo(base);
        assertThat(IdempotentRequest.hash(request("/v1/carts", null), "{\"a\":1}".getBytes()))
                .isNotEqualTo(base);
        assertThat(IdempotentRequest.hash(request("/v1/orders", "x=1"), "{\"a\":1}".getBytes()))
                .isNotEqualTo(base);
    }

    private static MockHttpServletRequest request(String uri, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setQueryString(query);
        return request;
    }
}
