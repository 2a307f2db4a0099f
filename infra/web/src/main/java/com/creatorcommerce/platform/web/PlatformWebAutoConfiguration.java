package com.creatorcommerce.platform.web;

import com.creatorcommerce.platform.web.problem.JsonFieldNames;
import com.creatorcommerce.platform.web.problem.MalformedRequestFilter;
import com.creatorcommerce.platform.web.problem.ProblemErrorController;
import com.creatorcommerce.platform.web.problem.ProblemErrorReportValve;
import com.creatorcommerce.platform.web.problem.ProblemExceptionHandler;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's servlet web conventions: RFC 9457 problem+json for every error (MVC exceptions and Boot's error
 * page alike), hostile input refused with a 4xx before it can fail deeper (a query string that is not UTF-8, a
 * multipart body sent to a JSON endpoint), and the {@link CurrentUser} controller argument. Runs before Boot's MVC
 * and multipart auto-configurations so that Boot's own problem-details handler, {@code BasicErrorController} and
 * eager multipart resolver back off.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
            "org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration {

    /** Before Spring Security's chain (-100) and the idempotency filter: the answer does not depend on the token. */
    static final int MALFORMED_REQUEST_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemExceptionHandler platformProblemExceptionHandler(ObjectProvider<JsonMapper> jsonMapper) {
        JsonMapper mapper = jsonMapper.getIfAvailable(JsonMapper::new);
        return new ProblemExceptionHandler(new JsonFieldNames(mapper), mapper);
    }

    @Bean
    @ConditionalOnMissingBean(value = ErrorController.class, search = SearchStrategy.CURRENT)
    ProblemErrorController platformProblemErrorController(
            ObjectProvider<ErrorAttributes> errorAttributes, ObjectProvider<JsonMapper> jsonMapper) {
        return new ProblemErrorController(errorAttributes, jsonMapper.getIfAvailable(JsonMapper::new));
    }

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> platformMalformedRequestFilter(
            ObjectProvider<JsonMapper> jsonMapper, Environment environment) {
        long maxRequestBytes = environment
                .getProperty("platform.web.max-request-size", DataSize.class, DataSize.ofMegabytes(1))
                .toBytes();
        FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(
                new MalformedRequestFilter(jsonMapper.getIfAvailable(JsonMapper::new), maxRequestBytes));
        registration.setName("malformedRequestFilter");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(MALFORMED_REQUEST_FILTER_ORDER);
        return registration;
    }

    /**
     * Multipart bodies are parsed only when a handler asks for a part: a multipart request to a JSON endpoint is a
     * 415 from content negotiation, and a broken multipart body cannot fail before the handler is known.
     */
    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(MultipartResolver.class)
    StandardServletMultipartResolver multipartResolver() {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }

    /** Tomcat's own answers (before any filter runs) as problem+json rather than its HTML error page. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    static class TomcatProblemConfiguration {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> platformProblemErrorReportValve() {
            return new WebServerFactoryCustomizer<>() {
                @Override
                public void customize(ConfigurableTomcatWebServerFactory factory) {
                    factory.addContextCustomizers(
                            context -> context.getParent().getPipeline().addValve(new ProblemErrorReportValve()));
                }
            };
        }
    }

    @Bean
    WebMvcConfigurer platformCurrentUserArgumentConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
