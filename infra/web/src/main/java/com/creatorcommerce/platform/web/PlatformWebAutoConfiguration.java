package com.creatorcommerce.platform.web;

import com.creatorcommerce.platform.web.problem.JsonFieldNames;
import com.creatorcommerce.platform.web.problem.ProblemErrorController;
import com.creatorcommerce.platform.web.problem.ProblemExceptionHandler;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's servlet web conventions: RFC 9457 problem+json for every error (MVC exceptions and Boot's error
 * page alike) and the {@link CurrentUser} controller argument. Runs before Boot's MVC auto-configuration so that
 * Boot's own problem-details handler and {@code BasicErrorController} back off.
 */
@AutoConfiguration(
        beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemExceptionHandler platformProblemExceptionHandler(ObjectProvider<JsonMapper> jsonMapper) {
        return new ProblemExceptionHandler(new JsonFieldNames(jsonMapper.getIfAvailable(JsonMapper::new)));
    }

    @Bean
    @ConditionalOnMissingBean(value = ErrorController.class, search = SearchStrategy.CURRENT)
    ProblemErrorController platformProblemErrorController(ObjectProvider<ErrorAttributes> errorAttributes,
            ObjectProvider<JsonMapper> jsonMapper) {
        return new ProblemErrorController(errorAttributes, jsonMapper.getIfAvailable(JsonMapper::new));
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
