package com.creatorcommerce.platform.security;

import org.springframework.test.context.TestPropertySource;

/**
 * The admin paths themselves listed as public, for every method and for GET: still ADMIN only; the public GET path
 * next to them stays open.
 */
@TestPropertySource(
        properties = {
            "platform.security.jwt.public-paths=/v1/admin,/v1/admin/**",
            "platform.security.jwt.public-get-paths=/v1/admin/**,/v1/catalog"
        })
class AdminPathsListedAsPublicIT extends AdminPathsITSupport {}
