package org.ewn.config;

import com.mongodb.client.MongoDatabase;
import org.ewn.access.Accounts;
import org.ewn.access.NetworkUser;
import org.ewn.access.RecentlyVerified;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.time.Duration;

import static org.ewn.api.ProblemTypes.FORBIDDEN;
import static org.ewn.api.ProblemTypes.UNAUTHENTICATED;

/**
 * Access control shared by both sides: every API call and every STOMP connection are authenticated
 * with an agency or officer account (HTTP Basic for now), and what a caller may read or push is then
 * decided per member by the handlers themselves. The API is stateless, so no session cookie exists
 * that cross-site requests could ride on, and CSRF tokens would protect nothing.
 */
@AutoConfiguration(afterName = "org.ewn.config.StoreAutoConfiguration",
        beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConditionalOnClass(SecurityFilterChain.class)
@EnableMethodSecurity
public class AccessAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Accounts accounts(MongoDatabase database) {
        return new Accounts(database);
    }

    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    UserDetailsService userDetailsService(Accounts accounts) {
        return username -> accounts.account(username).map(NetworkUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** Checks account passwords, remembering verified ones for {@code ewn.security.verified-credentials-ttl}. */
    @Bean
    @ConditionalOnMissingBean
    AuthenticationManager authenticationManager(UserDetailsService accounts, PasswordEncoder passwords,
            @Value("${ewn.security.verified-credentials-ttl:60s}") Duration ttl) {
        DaoAuthenticationProvider verifier = new DaoAuthenticationProvider(accounts);
        verifier.setPasswordEncoder(passwords);
        return new ProviderManager(new RecentlyVerified(verifier, ttl, Clock.systemUTC()));
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain networkSecurity(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.authenticationManager(authentication).authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/", "/index.html", "/console/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        // STOMP clients authenticate on the handshake or in their CONNECT frame; see StompAccess
                        .requestMatchers("/ws", "/ws/**").permitAll()
                        // a signed submission authenticates itself: its signature is checked before anything else
                        .requestMatchers(HttpMethod.POST, "/api/v1/alerts", "/api/v1/alerts/*/acknowledgements",
                                "/api/v1/alerts/*/withdrawal", "/api/v1/alerts/*/follow-ups",
                                "/api/v1/alerts/*/sharing-requests", "/api/v1/alerts/*/sharing-requests/*/decision",
                                "/api/v1/network", "/api/v1/members",
                                "/api/v1/members/*/suspension", "/api/v1/members/*/reinstatement", "/api/v1/agencies",
                                "/api/v1/agencies/*/keys", "/api/v1/agencies/*/keys/*/revocation",
                                "/api/v1/groups", "/api/v1/groups/*/dissolution").permitAll()
                        // the certificates receipts and submissions are verified with are public
                        .requestMatchers(HttpMethod.GET, "/api/v1/trust/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("ewn")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"ewn\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED,
                                    "Authentication required: call with the credentials of an agency or officer account");
                        }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, FORBIDDEN,
                                "This account is not entitled to do that")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
