package org.ewn.query.session;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.ewn.access.ConsoleProperties;
import org.ewn.access.NetworkUser;
import org.ewn.access.SignInThrottle;
import org.ewn.api.ProblemTypes;
import org.ewn.query.directory.MemberNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The console's sign-in. Signing in makes a new session (any earlier one of the browser is ended, so an id planted
 * before cannot become a signed-in one) and a new CSRF token; signing out ends the session. A refusal does not say
 * whether the account exists, and after repeated failures the username or address waits ({@link SignInThrottle}).
 * Passwords and the usernames of failed sign-ins are never logged: people type one into the other.
 */
@RestController
@RequestMapping("/api/v1/session")
class SessionController {

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);
    private static final int MAX_USERNAME = 200;
    private static final int MAX_PASSWORD = 1000;

    private final AuthenticationManager authentication;
    private final SignInThrottle throttle;
    private final CsrfTokenRepository csrfTokens;
    private final CsrfAuthenticationStrategy newCsrfToken;
    private final ConsoleProperties console;
    private final MemberNames memberNames;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionController(AuthenticationManager authentication, SignInThrottle throttle, CsrfTokenRepository csrfTokens,
                      ConsoleProperties console, MemberNames memberNames) {
        this.authentication = authentication;
        this.throttle = throttle;
        this.csrfTokens = csrfTokens;
        this.newCsrfToken = new CsrfAuthenticationStrategy(csrfTokens);
        this.newCsrfToken.setRequestHandler(new CsrfTokenRequestAttributeHandler());
        this.console = console;
        this.memberNames = memberNames;
    }

    /** @param username an account's name; @param password its password */
    record SignIn(String username, String password) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who is signed in (or calls with HTTP Basic); 401 if nobody. Sets the XSRF-TOKEN cookie.")
    ResponseEntity<Object> current(@AuthenticationPrincipal NetworkUser user, HttpServletRequest request) {
        writeCsrfCookie(request);
        if (user == null) {
            return problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Nobody is signed in");
        }
        boolean basic = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        HttpSession session = request.getSession(false);
        return ResponseEntity.ok(signedIn(user, basic || session == null ? null : session.getMaxInactiveInterval()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Signs in with an account's username and password; needs X-XSRF-TOKEN like every change")
    ResponseEntity<Object> signIn(@RequestBody SignIn body, HttpServletRequest request,
                                  HttpServletResponse response) {
        if (body == null || blank(body.username()) || blank(body.password())
                || body.username().length() > MAX_USERNAME || body.password().length() > MAX_PASSWORD) {
            return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                    "Send {\"username\", \"password\"}, both given");
        }
        String address = request.getRemoteAddr();
        Duration wait = throttle.retryAfter(body.username(), address);
        if (!wait.isZero()) {
            log.warn("Sign-in from {} refused: too many failures for its username or address", address);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(detail(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_ATTEMPTS,
                            "Too many failed sign-ins; try again later"));
        }
        Authentication signedIn;
        try {
            signedIn = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password()));
        } catch (AuthenticationException e) {
            throttle.failed(body.username(), address);
            log.info("Sign-in from {} refused", address);
            return problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unknown username or wrong password");
        }
        if (!(signedIn.getPrincipal() instanceof NetworkUser user)) {
            return problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unknown username or wrong password");
        }
        throttle.succeeded(body.username());
        HttpSession earlier = request.getSession(false);
        if (earlier != null) {
            earlier.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(console.sessionTimeoutSeconds());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        newCsrfToken.onAuthentication(signedIn, request, response);
        writeCsrfCookie(request);
        log.info("{} signed in from {}", user.getUsername(), address);
        return ResponseEntity.ok(signedIn(user, session.getMaxInactiveInterval()));
    }

    @DeleteMapping
    @Operation(summary = "Signs out: ends the session; needs X-XSRF-TOKEN")
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfTokens.saveToken(null, request, response);
        ResponseCookie expired = ResponseCookie.from("JSESSIONID", "").path(cookiePath(request)).maxAge(0)
                .httpOnly(true).secure(request.isSecure()).sameSite("Strict").build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, expired.toString()).build();
    }

    /** A token is made, and its cookie set, only when first read. */
    private static void writeCsrfCookie(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    private SignedIn signedIn(NetworkUser user, Integer timeoutSeconds) {
        return SignedIn.of(user, memberNames.of(user.member()).orElse(user.member().value()), timeoutSeconds);
    }

    private static String cookiePath(HttpServletRequest request) {
        String path = request.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ResponseEntity<Object> problem(HttpStatus status, java.net.URI type, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(status, type, detail));
    }

    private static ProblemDetail detail(HttpStatus status, java.net.URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }
}
