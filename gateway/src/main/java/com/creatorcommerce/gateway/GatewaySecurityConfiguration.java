package com.creatorcommerce.gateway;

import com.creatorcommerce.platform.security.JwtProcessors;
import com.creatorcommerce.platform.security.JwtProperties;
import com.creatorcommerce.platform.security.JwtValidators;
import com.creatorcommerce.platform.security.ProblemJson;
import com.creatorcommerce.platform.security.Roles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway verifies every bearer token with the same rules as the services (infra/security): signature against
 * the configured keys, {@code iss}, {@code aud}, {@code exp}/{@code nbf}, a numeric subject. Health is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
class GatewaySecurityConfiguration {

    @Bean
    ReactiveJwtDecoder platformReactiveJwtDecoder(JwtProperties props) {
        ConfigurableJWTProcessor<SecurityContext> processor = JwtProcessors.create(props);
        NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder(
                jwt -> Mono.fromCallable(() -> processor.process(jwt, null))
                        .onErrorMap(e -> e instanceof BadJOSEException || e instanceof JOSEException,
                                e -> new BadJwtException("Invalid token: " + e.getMessage(), e)));
        decoder.setJwtValidator(JwtValidators.of(props));
        return decoder;
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http) {
        ReactiveJwtAuthenticationConverterAdapter converter = new ReactiveJwtAuthenticationConverterAdapter(
                jwt -> (AbstractAuthenticationToken) Roles.authenticationConverter().convert(jwt));
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers(HttpMethod.POST, "/auth/dev-token").permitAll()
                        .pathMatchers("/v1/admin/**").hasRole(Roles.ADMIN)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint())
                        .accessDeniedHandler(accessDenied()))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()).accessDeniedHandler(accessDenied()))
                .build();
    }

    static ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, ex) -> {
            boolean hadToken = exchange.getRequest().getHeaders().containsHeader("Authorization");
            exchange.getResponse().getHeaders().set("WWW-Authenticate", hadToken
                    ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid or expired\""
                    : "Bearer");
            return write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    hadToken ? "INVALID_TOKEN" : "AUTHENTICATION_REQUIRED",
                    hadToken ? "The bearer token is invalid or expired" : "A bearer token is required");
        };
    }

    static ServerAccessDeniedHandler accessDenied() {
        return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "Forbidden", "FORBIDDEN",
                "You do not have the role this operation needs");
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String code,
            String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.valueOf(ProblemJson.MEDIA_TYPE));
        DataBuffer body = response.bufferFactory().wrap(ProblemJson.body(status.value(), title, code, detail,
                exchange.getRequest().getPath().value()));
        return response.writeWith(Mono.just(body));
    }
}
