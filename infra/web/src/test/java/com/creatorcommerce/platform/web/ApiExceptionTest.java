package com.creatorcommerce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ApiExceptionTest {

    @Test
    void carriesStatusCodeDetailAndPropertiesInOrder() {
        ApiException ex = ApiException.conflict("COUPON_SOLD_OUT", "The coupon is sold out.")
                .with("total_quantity", 100)
                .with("issued_quantity", 100);

        assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ex.code()).isEqualTo("COUPON_SOLD_OUT");
        assertThat(ex.detail()).isEqualTo("The coupon is sold out.");
        assertThat(ex.properties())
                .containsExactly(Map.entry("total_quantity", 100), Map.entry("issued_quantity", 100));
        assertThat(ex.getMessage()).contains("409", "COUPON_SOLD_OUT");
    }

    @Test
    void refusesCodesThatAreNotUpperSnakeCase() {
        assertThatThrownBy(() -> ApiException.badRequest("coupon-sold-out", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiException.badRequest(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNonErrorStatusesAndReservedProperties() {
        assertThatThrownBy(() -> new ApiException(HttpStatus.OK, "FINE", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiException.notFound("NOPE", "x").with("status", 200))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void currentUserIsAdminOnlyWithTheAdminRole() {
        assertThat(new CurrentUser(7, java.util.Set.of("USER", "ADMIN")).isAdmin())
                .isTrue();
        assertThat(new CurrentUser(7, java.util.Set.of("USER")).isAdmin()).isFalse();
        assertThatThrownBy(() -> new CurrentUser(0, java.util.Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
