package com.creatorcommerce.platform.openapi;

import com.creatorcommerce.platform.security.JwtProperties;
import com.creatorcommerce.platform.web.CurrentUser;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI document of every domain service describes the wire ({@link WireModelResolver},
 * {@link PlatformOpenApiCustomizer}, {@link PlatformOperationCustomizer}): snake_case bodies, ids as strings, no
 * caller parameter, the bearer scheme and public operations, problem+json responses. Per operation facts (status
 * codes, summaries, problem codes) are annotations in each service's web adapter ({@link ProblemResponse}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class PlatformOpenApiAutoConfiguration {

    static {
        // the caller comes from the verified token, never from the request's parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    WireModelResolver platformWireModelResolver(
            Environment environment, ObjectProvider<SpringDocConfigProperties> springDoc) {
        return new WireModelResolver(
                environment.getProperty("spring.jackson.property-naming-strategy"), openapi31(springDoc));
    }

    @Bean
    PlatformOpenApiCustomizer platformOpenApiCustomizer(
            Environment environment,
            ObjectProvider<JwtProperties> jwt,
            ObjectProvider<SpringDocConfigProperties> springDoc) {
        JwtProperties properties =
                jwt.getIfAvailable(() -> new JwtProperties(null, null, null, null, null, false, null, null, null));
        return new PlatformOpenApiCustomizer(
                environment.getProperty("spring.application.name", "service"), properties, openapi31(springDoc));
    }

    @Bean
    PlatformOperationCustomizer platformOperationCustomizer(ObjectProvider<SpringDocConfigProperties> springDoc) {
        return new PlatformOperationCustomizer(openapi31(springDoc));
    }

    private static boolean openapi31(ObjectProvider<SpringDocConfigProperties> springDoc) {
        SpringDocConfigProperties properties = springDoc.getIfAvailable();
        return properties == null || properties.isOpenapi31();
    }
}
