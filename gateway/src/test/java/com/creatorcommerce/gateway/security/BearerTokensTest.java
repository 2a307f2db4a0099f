package com.creatorcommerce.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokensTest {

    @Test
    void acceptsRfc6750TokenSyntax() {
        assertThat(BearerTokens.isB64Token("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI3In0.c2ln-_~+/"))
                .isTrue();
        assertThat(BearerTokens.isB64Token("abc==")).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(BearerTokens.isB64Token("")).isFalse();
        assertThat(BearerTokens.isB64Token("==")).isFalse();
        assertThat(BearerTokens.isB64Token("abc def")).isFalse();
        assertThat(BearerTokens.isB64Token("abc=d")).isFalse();
        assertThat(BearerTokens.isB64Token("abc\"")).isFalse();
        assertThat(BearerTokens.isB64Token("a\u00e9b")).isFalse();
    }
}
