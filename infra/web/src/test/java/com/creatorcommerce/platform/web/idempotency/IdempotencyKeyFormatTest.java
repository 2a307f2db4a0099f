package com.creatorcommerce.platform.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class IdempotencyKeyFormatTest {

    @Test
    void acceptsOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotencyFilter.isValidKey("a")).isTrue();
        assertThat(IdempotencyFilter.isValidKey("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d")).isTrue();
        assertThat(IdempotencyFilter.isValidKey("order 42/attempt#1")).isTrue();
        assertThat(IdempotencyFilter.isValidKey("k".repeat(255))).isTrue();
    }

    @Test
    void refusesEmptyTooLongNonAsciiOrControlCharacters() {
        assertThat(IdempotencyFilter.isValidKey("")).isFalse();
        assertThat(IdempotencyFilter.isValidKey("k".repeat(256))).isFalse();
        assertThat(IdempotencyFilter.isValidKey("clé")).isFalse();
        assertThat(IdempotencyFilter.isValidKey("a\tb")).isFalse();
        assertThat(IdempotencyFilter.isValidKey(" padded ")).isFalse();
    }

    @Test
    void theRequestHashCoversMethodPathQueryAndBody() {
        String base = IdempotencyFilter.hash(request("/v1/orders", null), "{\"a\":1}".getBytes());

        assertThat(base).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(IdempotencyFilter.hash(request("/v1/orders", null), "{\"a\":1}".getBytes())).isEqualTo(base);
        assertThat(IdempotencyFilter.hash(request("/v1/orders", null), "{\"a\":2}".getBytes())).isNotEqualTo(base);
        assertThat(IdempotencyFilter.hash(request("/v1/carts", null), "{\"a\":1}".getBytes())).isNotEqualTo(base);
        assertThat(IdempotencyFilter.hash(request("/v1/orders", "x=1"), "{\"a\":1}".getBytes())).isNotEqualTo(base);
    }

    private static MockHttpServletRequest request(String uri, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setQueryString(query);
        return request;
    }
}
