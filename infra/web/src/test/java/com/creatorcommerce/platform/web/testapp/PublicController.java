package com.creatorcommerce.platform.web.testapp;

import com.creatorcommerce.platform.web.CurrentUser;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints the security configuration leaves open (platform.security.jwt.public-paths). */
@RestController
@RequestMapping("/v1/public")
class PublicController {

    @GetMapping("/maybe-me")
    Map<String, Object> maybeMe(Optional<CurrentUser> user) {
        return user.<Map<String, Object>>map(u -> Map.of("present", true, "id", u.id()))
                .orElse(Map.of("present", false));
    }

    @GetMapping("/me")
    Map<String, Object> me(CurrentUser user) {
        return Map.of("id", user.id());
    }
}
