package org.ewn.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** The conventions of the HTTP surface that both sides share: problem details and request size limits. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebAutoConfiguration.HttpProperties.class)
@Import(ProblemAdvice.class)
public class WebAutoConfiguration {

    /** @param maxRequestBytes the largest request body accepted; submissions are small JSON documents */
    @ConfigurationProperties("ewn.http")
    public record HttpProperties(@DefaultValue("1048576") long maxRequestBytes) {
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(HttpProperties properties) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(properties.maxRequestBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
