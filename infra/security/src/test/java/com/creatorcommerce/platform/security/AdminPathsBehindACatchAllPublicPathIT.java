package com.creatorcommerce.platform.security;

import org.springframework.test.context.TestPropertySource;

/** {@code public-paths: /v1/**} (every method): it opens /v1/catalog, but not /v1/admin/**. */
@TestPropertySource(properties = "platform.security.jwt.public-paths=/v1/**")
class AdminPathsBehindACatchAllPublicPathIT extends AdminPathsITSupport {}
