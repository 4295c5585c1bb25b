package org.wholecare.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management port (health in full and Prometheus metrics): on loopback unless configured
 * otherwise, and the metrics only for the user "metrics" with {@code wholecare.metrics.password}
 * (HTTP Basic, as Prometheus scrapes). With no password set, nobody can read them. Its own sign-in,
 * apart from people's accounts, and no session.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    static final String SCRAPER = "metrics";

    @Bean
    @Order(1)
    SecurityFilterChain managementFilterChain(HttpSecurity http,
            @Value("${wholecare.metrics.password:}") String password) throws Exception {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        InMemoryUserDetailsManager scrapers = new InMemoryUserDetailsManager();
        if (!password.isBlank()) {
            UserDetails scraper = User.withUsername(SCRAPER).password(encoder.encode(password)).roles("METRICS")
                    .build();
            scrapers.createUser(scraper);
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(scrapers);
        provider.setPasswordEncoder(encoder);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        // for load balancers and orchestrators; they say only UP or DOWN
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole("METRICS"))
                .authenticationManager(new ProviderManager(provider))
                // the status itself, not an error page: the management port's error page is nobody's
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, refused) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Wholecare metrics\"");
                    response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_UNAUTHORIZED);
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) ->
                        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
