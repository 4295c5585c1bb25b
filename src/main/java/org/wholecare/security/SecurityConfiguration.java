package org.wholecare.security;

import org.jspecify.annotations.Nullable;
import org.wholecare.security.ui.LoginView;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /**
     * What Vaadin needs and no more: its client engine starts from an inline script and runs the
     * server's expressions as functions ('unsafe-inline', 'unsafe-eval'; Vaadin's documentation);
     * nothing is loaded from anywhere else, and no other site may frame a page.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInThrottle throttle, JdbcClient jdbc,
            @Value("${wholecare.public-url:}") String publicUrl) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // for load balancers and orchestrators; they say only UP or DOWN (the rest of
                // actuator is on the management port: ManagementSecurity)
                .requestMatchers("/livez", "/readyz").permitAll()
                .requestMatchers("/actuator/**").denyAll()
                .requestMatchers("/styles/**", "/images/**").permitAll()
                // Stripe calls this; its own rule is the signature check on every event
                .requestMatchers(HttpMethod.POST, "/stripe/webhook").permitAll()
                // the public figures as open data, for anyone, read from what was last worked out
                .requestMatchers(HttpMethod.GET, "/open-data/areas.json", "/open-data/areas.csv").permitAll()
                // the provider directory as an Open Referral UK feed: published listings only
                .requestMatchers(HttpMethod.GET, "/open-referral", "/open-referral/**").permitAll());
        // no browser session posts here, so there is no CSRF token to check
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/stripe/webhook"));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), "
                        + "payment=(), usb=()"))
                .frameOptions(frames -> frames.deny())
                // sent only over HTTPS (behind a TLS proxy: server.forward-headers-strategy), as the standard says
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000))
                // written before the request goes on, so a response Vaadin commits in its own way has them too
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.addFilterBefore(new SignInGuard(throttle, publicUrl), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(new SessionCheck(jdbc), BasicAuthenticationFilter.class);
        // Any endpoint that is not a page (a @Controller) must have its own rule above: this last
        // rule lets every signed-in person through to it, and its service's own check.
        // An address that is no page: the app's own "Page not found" for anyone signed in (Vaadin's
        // default refuses it with a bare 403), and the sign-in page for anyone else, so it never
        // tells a stranger which addresses exist
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(org.springframework.security.config.annotation.web.configurers
                        .AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        return http.build();
    }

    /**
     * Signs people in from their accounts. That an account is locked or disabled is said only after
     * the password has been checked, as for any wrong password: the same work, so the time taken
     * does not tell which accounts are locked, and a wrong password there counts as one.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountUserDetailsService accounts, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        provider.setUserDetailsPasswordService(accounts);
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /**
     * New passwords are hashed with PBKDF2 (Spring Security's current settings), which takes long
     * passphrases whole: bcrypt reads only the first 72 bytes and refuses more. Older bcrypt hashes
     * are still read, and made again with PBKDF2 at the person's next sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String current = "pbkdf2@SpringSecurity_v5_8";
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        PasswordEncoder oldHashes = new PasswordEncoder() {
            @Override
            public @Nullable String encode(@Nullable CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(@Nullable CharSequence raw, @Nullable String encoded) {
                // bcrypt cannot have hashed anything longer, so it is simply not the password
                return raw != null && raw.toString().getBytes(StandardCharsets.UTF_8).length <= 72
                        && bcrypt.matches(raw, encoded);
            }
        };
        return new DelegatingPasswordEncoder(current, Map.of(current,
                Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", oldHashes));
    }
}
