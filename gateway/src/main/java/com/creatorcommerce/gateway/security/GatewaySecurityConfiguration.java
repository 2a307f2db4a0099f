package com.creatorcommerce.gateway.security;

import com.creatorcommerce.gateway.GatewaySettings;
import com.creatorcommerce.gateway.web.Problems;
import com.creatorcommerce.platform.security.JwtProcessors;
import com.creatorcommerce.platform.security.JwtProperties;
import com.creatorcommerce.platform.security.JwtValidators;
import com.creatorcommerce.platform.security.ManagementPort;
import com.creatorcommerce.platform.security.Roles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway verifies every bearer token with the same rules as the services (infra/security): signature against
 * the configured keys ({@code alg: none}, unknown {@code kid}, foreign keys and tampered payloads fail), then
 * {@code iss}, {@code aud}, {@code exp}/{@code nbf} (with {@code clock-skew}) and a numeric subject. Rejections are
 * 401 problem+json with {@code WWW-Authenticate}; a missing role is 403.
 *
 * <p>Open without a token: API docs and Swagger UI, the dev token endpoint (which exists in the dev profile only),
 * and {@code platform.security.jwt.public-paths} / {@code public-get-paths} (catalog browsing, credit packages)
 * except {@code platform.gateway.authenticated-paths}; actuator on the management port only (loopback; the public
 * port serves no actuator). {@code /v1/admin/**} needs ADMIN. A token sent to a public path is still verified (and
 * must be valid).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtProperties.class, GatewaySettings.class})
public class GatewaySecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewaySecurityConfiguration.class);
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.PS256);

    private static boolean isManagementPort(Environment environment, ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        return local != null && ManagementPort.isManagementPort(environment, local.getPort());
    }

    /**
     * Spring Security's per-filter observations (with the gateway's per-call observation, ~15% of the gateway's CPU
     * per request, measured) add nothing the request metrics ({@code http.server.requests},
     * {@code spring.cloud.gateway.requests}) do not already show.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveJwtDecoder platformReactiveJwtDecoder(JwtProperties props, GatewaySettings settings) {
        ConfigurableJWTProcessor<SecurityContext> processor = JwtProcessors.create(props);
        if (props.jwkSetUri() != null && !props.jwkSetUri().isBlank()) {
            // Verification runs on the event loop, so the identity provider's keys must never be fetched there in
            // steady state: keep them cached and refresh them ahead of expiry on a background thread.
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ASYMMETRIC, remoteKeys(props.jwkSetUri())));
        }
        NimbusReactiveJwtDecoder decoder =
                new NimbusReactiveJwtDecoder(jwt -> Mono.fromCallable(() -> processor.process(jwt, null))
                        .onErrorMap(
                                e -> e instanceof BadJOSEException || e instanceof JOSEException,
                                e -> new BadJwtException("Invalid token: " + e.getMessage(), e)));
        decoder.setJwtValidator(JwtValidators.of(props));
        GatewaySettings.TokenCache cache = settings.tokenCache();
        if (cache.maxEntries() <= 0) {
            return decoder;
        }
        return new VerifiedTokenCache(decoder, props.clockSkew(), cache.maxEntries(), cache.ttl(), Clock.systemUTC());
    }

    static JWKSource<SecurityContext> remoteKeys(String uri) {
        JWKSource<SecurityContext> source;
        try {
            source = JWKSourceBuilder.<SecurityContext>create(
                            URI.create(uri).toURL(), new DefaultResourceRetriever(1000, 1000, 256 * 1024))
                    .cache(
                            Duration.ofMinutes(10).toMillis(),
                            Duration.ofSeconds(5).toMillis())
                    .refreshAheadCache(Duration.ofMinutes(1).toMillis(), true)
                    .rateLimited(Duration.ofSeconds(30).toMillis())
                    .retrying(true)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("Invalid platform.security.jwt.jwk-set-uri: " + uri, e);
        }
        // warm the cache off the event loop; a provider that is down now is retried on the first token
        Schedulers.boundedElastic().schedule(() -> {
            try {
                source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
            } catch (Exception e) {
                log.warn("Could not fetch the JWK set from {} yet: {}", uri, e.toString());
            }
        });
        return source;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewaySettings settings) {
        GatewaySettings.Cors cors = settings.cors();
        if (cors.allowedOrigins().isEmpty() && cors.allowedOriginPatterns().isEmpty()) {
            return exchange -> null; // no cross-origin access configured: no CORS headers at all
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedOriginPatterns(cors.allowedOriginPatterns());
        config.setAllowedMethods(cors.allowedMethods());
        config.setAllowedHeaders(cors.allowedHeaders());
        config.setExposedHeaders(cors.exposedHeaders());
        config.setAllowCredentials(cors.allowCredentials());
        config.setMaxAge(cors.maxAge());
        return exchange -> config;
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http,
            JwtProperties jwt,
            GatewaySettings settings,
            CorsConfigurationSource cors,
            Environment environment) {
        ReactiveJwtAuthenticationConverterAdapter converter = new ReactiveJwtAuthenticationConverterAdapter(token ->
                (AbstractAuthenticationToken) Roles.authenticationConverter().convert(token));
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .cors(c -> c.configurationSource(cors))
                .authorizeExchange(auth -> {
                    // the actuator's own port (loopback, management.server.port): probes, Prometheus and the routes
                    // without a token; on the public port /actuator is an unknown path like any other
                    auth.matchers(exchange -> isManagementPort(environment, exchange)
                                    ? ServerWebExchangeMatcher.MatchResult.match()
                                    : ServerWebExchangeMatcher.MatchResult.notMatch())
                            .permitAll();
                    auth.pathMatchers(HttpMethod.POST, "/auth/dev-token").permitAll();
                    auth.pathMatchers(
                                    HttpMethod.GET,
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**",
                                    "/webjars/swagger-ui/**")
                            .permitAll();
                    auth.pathMatchers("/v1/admin", "/v1/admin/**").hasRole(Roles.ADMIN);
                    if (!settings.authenticatedPaths().isEmpty()) {
                        auth.pathMatchers(settings.authenticatedPaths().toArray(String[]::new))
                                .authenticated();
                    }
                    if (!jwt.publicPaths().isEmpty()) {
                        auth.pathMatchers(jwt.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    if (!jwt.publicGetPaths().isEmpty()) {
                        auth.pathMatchers(HttpMethod.GET, jwt.publicGetPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    auth.anyExchange().authenticated();
                })
                .oauth2ResourceServer(rs -> rs.bearerTokenConverter(BearerTokens.converter())
                        .jwt(j -> j.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint())
                        .accessDeniedHandler(accessDenied()))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()).accessDeniedHandler(accessDenied()))
                .build();
    }

    /**
     * 401 and 403 close the connection: on a keep-alive connection, a request that follows a token-bearing request
     * refused here sometimes got no answer at all (reproduced: ~1 in 40 anonymous requests after a 403 or an invalid
     * token, with curl and the JDK client; never after a routed request). Closing costs the client a reconnect on an
     * error path only, and sheds connections that send bad tokens.
     */
    static ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            boolean hadToken = exchange.getRequest().getHeaders().containsHeader("Authorization");
            exchange.getResponse()
                    .getHeaders()
                    .set(
                            "WWW-Authenticate",
                            hadToken
                                    ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid or expired\""
                                    : "Bearer");
            return Problems.write(
                    exchange,
                    401,
                    hadToken ? "INVALID_TOKEN" : "AUTHENTICATION_REQUIRED",
                    hadToken ? "The bearer token is invalid or expired" : "A bearer token is required",
                    Map.of());
        };
    }

    static ServerAccessDeniedHandler accessDenied() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            exchange.getResponse()
                    .getHeaders()
                    .set(
                            "WWW-Authenticate",
                            "Bearer error=\"insufficient_scope\", error_description=\"The token lacks the required role\"");
            return Problems.write(
                    exchange, 403, "FORBIDDEN", "You do not have the role this operation needs", Map.of());
        };
    }
}
