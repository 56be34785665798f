package org.ewn.config;

import com.mongodb.client.MongoDatabase;
import org.ewn.access.Accounts;
import org.ewn.access.ConsoleProperties;
import org.ewn.access.Passwords;
import org.ewn.access.SignInThrottle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;

import java.time.Clock;
import java.time.Duration;

import static org.ewn.api.ProblemTypes.CSRF_TOKEN;
import static org.ewn.api.ProblemTypes.FORBIDDEN;
import static org.ewn.api.ProblemTypes.UNAUTHENTICATED;

/**
 * Access control shared by both sides: every API call and every STOMP connection are authenticated with an agency or
 * officer account, and what a caller may read or push is then decided per member by the handlers themselves.
 * Programs call with HTTP Basic and stay stateless: no session is ever made for them. The officers' console signs in
 * once ({@code /api/v1/session}) and then rides on a session cookie; because a browser sends that cookie on its own,
 * every unsafe request that is neither HTTP Basic nor a signed submission must echo the {@code XSRF-TOKEN} cookie in
 * {@code X-XSRF-TOKEN}, which a page of another site cannot read.
 */
@AutoConfiguration(afterName = "org.ewn.config.StoreAutoConfiguration",
        beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConditionalOnClass(SecurityFilterChain.class)
@EnableMethodSecurity
@EnableConfigurationProperties(ConsoleProperties.class)
public class AccessAutoConfiguration {

    /**
     * The console runs only its own scripts and styles, talks only to its own origin (the API and {@code /ws}), and
     * is never framed: alert text comes from other states and must never execute. Swagger UI, which needs inline
     * code, keeps the browser's defaults.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @ConditionalOnMissingBean
    Accounts accounts(MongoDatabase database) {
        return new Accounts(database);
    }

    /**
     * New passwords are hashed with Argon2id (memory-hard, 16 MiB, 2 passes); the bcrypt hashes of accounts made
     * before still verify, and are replaced by Argon2id ones at their next successful sign-in.
     */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }

    @Bean
    @ConditionalOnMissingBean
    SignInThrottle signInThrottle(ConsoleProperties console) {
        return new SignInThrottle(console.signInAttempts(), console.signInLockout(), Clock.systemUTC());
    }

    /** The console's CSRF token in a cookie its script reads, compared plain (not XOR-masked) with the header. */
    @Bean
    @ConditionalOnMissingBean
    CsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        return tokens;
    }

    /** Tells the application when a session ends (signed out or timed out), so its live connections close too. */
    @Bean
    @ConditionalOnMissingBean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
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
    AuthenticationManager authenticationManager(UserDetailsService users, Accounts accounts, PasswordEncoder passwords,
            @Value("${ewn.security.verified-credentials-ttl:60s}") Duration ttl) {
        DaoAuthenticationProvider verifier = new DaoAuthenticationProvider(users);
        verifier.setPasswordEncoder(passwords);
        verifier.setUserDetailsPasswordService(Passwords.upgrading(accounts));
        return new ProviderManager(new RecentlyVerified(verifier, ttl, Clock.systemUTC()));
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain networkSecurity(HttpSecurity http, AuthenticationManager authentication,
                                        CsrfTokenRepository csrfTokens) throws Exception {
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
                                "/api/v1/transfers", "/api/v1/transfers/requests", "/api/v1/transfers/*/acceptance",
                                "/api/v1/transfers/*/rejection", "/api/v1/transfers/*/grant",
                                "/api/v1/transfers/*/refusal",
                                "/api/v1/network", "/api/v1/members",
                                "/api/v1/members/*/suspension", "/api/v1/members/*/reinstatement", "/api/v1/agencies",
                                "/api/v1/agencies/*/keys", "/api/v1/agencies/*/keys/*/revocation", "/api/v1/agencies/*/callback",
                                "/api/v1/groups", "/api/v1/groups/*/dissolution", "/api/v1/subjects/*/erasure",
                                "/api/v1/referrals", "/api/v1/referrals/*/acceptance", "/api/v1/referrals/*/decline",
                                "/api/v1/referrals/*/progress", "/api/v1/referrals/*/closure",
                                "/api/v1/referrals/*/revocation", "/api/v1/referrals/*/consent-withdrawal").permitAll()
                        // the certificates receipts and submissions are verified with are public
                        .requestMatchers(HttpMethod.GET, "/api/v1/trust/**").permitAll()
                        // the console signs in here; GET answers 401 itself when nobody is, after setting the CSRF cookie
                        .requestMatchers("/api/v1/session").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("ewn")
                        .authenticationEntryPoint((request, response, e) -> {
                            if (BrowserRequests.mayChallenge(request)) {
                                response.setHeader("WWW-Authenticate", "Basic realm=\"ewn\"");
                            }
                            problems.write(response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED,
                                    "Authentication required: sign in, or call with the credentials of an agency or "
                                    + "officer account");
                        }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof CsrfException) {
                        problems.write(response, HttpStatus.FORBIDDEN, CSRF_TOKEN, "A signed-in session must send "
                                + "the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header with every change");
                    } else {
                        problems.write(response, HttpStatus.FORBIDDEN, FORBIDDEN,
                                "This account is not entitled to do that");
                    }
                }))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        request -> !request.getRequestURI().startsWith("/swagger-ui"),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))))
                // only the console's sign-in makes a session; HTTP Basic callers never get one
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(BrowserRequests::needCsrfToken));
        return http.build();
    }
}
