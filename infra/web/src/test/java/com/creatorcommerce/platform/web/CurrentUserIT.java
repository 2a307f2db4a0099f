package com.creatorcommerce.platform.web;

import static com.creatorcommerce.platform.web.ProblemJsonIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CurrentUserIT extends WebIntegrationTest {

    @Test
    void resolvesTheCallerFromTheVerifiedToken() {
        long id = newUserId();

        JsonNode admin = json(send(get("/v1/things/me", TestJwt.admin(id))));
        JsonNode user = json(send(get("/v1/things/me", TestJwt.user(id + 1))));

        assertThat(admin.get("id").asLong()).isEqualTo(id);
        assertThat(admin.get("roles").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ADMIN", "USER");
        assertThat(admin.get("admin").asBoolean()).isTrue();
        assertThat(user.get("id").asLong()).isEqualTo(id + 1);
        assertThat(user.get("admin").asBoolean()).isFalse();
    }

    @Test
    void unknownRolesInTheTokenAreNotGranted() {
        long id = newUserId();

        JsonNode me = json(send(get("/v1/things/me", TestJwt.token(id, List.of("USER", "SUPERUSER")))));

        assertThat(me.get("roles").valueStream().map(JsonNode::asString).toList())
                .containsExactly("USER");
    }

    @Test
    void aRequiredCurrentUserWithoutTokenIsUnauthorized() {
        HttpResponse<String> response = send(get("/v1/public/me", null));

        assertProblem(response, 401, "AUTHENTICATION_REQUIRED");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void anOptionalCurrentUserIsEmptyWithoutTokenAndPresentWithOne() {
        long id = newUserId();

        JsonNode anonymous = json(send(get("/v1/public/maybe-me", null)));
        JsonNode known = json(send(get("/v1/public/maybe-me", TestJwt.user(id))));

        assertThat(anonymous.get("present").asBoolean()).isFalse();
        assertThat(known.get("present").asBoolean()).isTrue();
        assertThat(known.get("id").asLong()).isEqualTo(id);
    }
}
