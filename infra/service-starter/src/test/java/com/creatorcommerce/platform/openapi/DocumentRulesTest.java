package com.creatorcommerce.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small rules of the document customizers: naming strategies, public path patterns, fallback summaries. */
class DocumentRulesTest {

    @Test
    void springsNamingStrategyNamesTheJackson2StrategyOfTheSameName() {
        assertThat(WireModelResolver.strategy("SNAKE_CASE")).isSameAs(PropertyNamingStrategies.SNAKE_CASE);
        assertThat(WireModelResolver.strategy("snake_case")).isSameAs(PropertyNamingStrategies.SNAKE_CASE);
        assertThat(WireModelResolver.strategy("tools.jackson.databind.PropertyNamingStrategies.KEBAB_CASE"))
                .isSameAs(PropertyNamingStrategies.KEBAB_CASE);
        assertThat(WireModelResolver.strategy(null)).isNull();
        assertThat(WireModelResolver.strategy(" ")).isNull();
        assertThatThrownBy(() -> WireModelResolver.strategy("NO_SUCH_CASE"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NO_SUCH_CASE");
    }

    @Test
    void publicPatternsMatchTheDocumentsPathTemplates() {
        assertThat(PlatformOpenApiCustomizer.matches(List.of("/v1/products/**"), "/v1/products/{productId}"))
                .isTrue();
        assertThat(PlatformOpenApiCustomizer.matches(List.of("/v1/products/**"), "/v1/products"))
                .isTrue();
        assertThat(PlatformOpenApiCustomizer.matches(List.of("/v1/coupons"), "/v1/coupons/{id}/issue"))
                .isFalse();
        assertThat(PlatformOpenApiCustomizer.matches(List.of(), "/v1/coupons")).isFalse();
    }

    @Test
    void fallbackSummariesReadTheMethodName() {
        assertThat(PlatformOperationCustomizer.humanize("deadLetters")).isEqualTo("Dead letters");
        assertThat(PlatformOperationCustomizer.humanize("get")).isEqualTo("Get");
    }
}
