package com.creatorcommerce.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every service validates the bearer token itself (defence in depth behind the gateway): stateless, roles from the
 * {@code roles} claim, {@code /v1/admin/**} for ADMIN only (checked before the configured public paths, which cannot
 * open it), health and API docs open, actuator open on the management port only ({@link ManagementPort}),
 * everything else authenticated.
 * Rejections are RFC 9457 problem+json with {@code WWW-Authenticate}.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(JwtProperties.class)
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

    /** Always role ADMIN, whatever {@code public-paths} / {@code public-get-paths} say. */
    static final String[] ADMIN_PATHS = {"/v1/admin", "/v1/admin/**"};

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder platformJwtDecoder(JwtProperties props) {
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(JwtProcessors.create(props));
        decoder.setJwtValidator(JwtValidators.of(props));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtProperties props, Environment environment)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> {
                    // the actuator's own port (loopback, not routed by the gateway): probes and Prometheus scrape
                    // without a token; the public port serves no actuator endpoint
                    auth.requestMatchers(request -> request.getRequestURI().startsWith("/actuator")
                                    && ManagementPort.isManagementPort(environment, request.getLocalPort()))
                            .permitAll();
                    auth.requestMatchers(
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/actuator/info",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/error")
                            .permitAll();
                    // The first matching rule wins: the admin rule comes before the configured public paths, so
                    // that no public pattern (say /v1/** or /v1/admin/**) can open an admin endpoint. Same order
                    // as the gateway.
                    auth.requestMatchers(ADMIN_PATHS).hasRole(Roles.ADMIN);
                    props.publicPaths().forEach(p -> auth.requestMatchers(p).permitAll());
                    props.publicGetPaths()
                            .forEach(
                                    p -> auth.requestMatchers(HttpMethod.GET, p).permitAll());
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(
                        rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(Roles.authenticationConverter()))
                                .authenticationEntryPoint(problemEntryPoint())
                                .accessDeniedHandler(problemAccessDenied()))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(problemEntryPoint()).accessDeniedHandler(problemAccessDenied()))
                .headers(Customizer.withDefaults());
        return http.build();
    }

    static AuthenticationEntryPoint problemEntryPoint() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, ex) -> {
            bearer.commence(request, response, ex); // status 401 + WWW-Authenticate: Bearer error=...
            boolean hadToken = request.getHeader("Authorization") != null;
            write(
                    response,
                    401,
                    hadToken ? "INVALID_TOKEN" : "AUTHENTICATION_REQUIRED",
                    hadToken ? "The bearer token is invalid or expired" : "A bearer token is required",
                    request.getRequestURI());
        };
    }

    static AccessDeniedHandler problemAccessDenied() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, ex) -> {
            bearer.handle(request, response, ex);
            write(response, 403, "FORBIDDEN", "You do not have the role this operation needs", request.getRequestURI());
        };
    }

    private static void write(HttpServletResponse response, int status, String code, String detail, String instance)
            throws java.io.IOException {
        // keeps the WWW-Authenticate header the bearer entry point set; the body replaces anything buffered
        ServletProblemWriter.write(response, status, code, detail, instance, null, null);
    }
}
