package org.ewn.config;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests must show the CSRF token, and which may get a Basic challenge. */
class BrowserRequestsTest {

    @Test
    void aChangeWithASessionCookieNeedsTheToken() {
        assertThat(BrowserRequests.needCsrfToken(request("POST", "/api/v1/anything", "application/json", true, false)))
                .isTrue();
        assertThat(BrowserRequests.needCsrfToken(request("DELETE", "/api/v1/session", null, true, false))).isTrue();
        assertThat(BrowserRequests.needCsrfToken(request("POST", "/api/v1/anything", "application/json", true, true)))
                .as("Basic rides along with the session cookie, which the browser sent on its own").isTrue();
    }

    @Test
    void signingInNeedsTheTokenEvenWithoutASession() {
        assertThat(BrowserRequests.needCsrfToken(request("POST", "/api/v1/session", "application/json", false, false)))
                .isTrue();
    }

    @Test
    void signedSubmissionsReadsAndProgramsDoNot() {
        assertThat(BrowserRequests.needCsrfToken(request("POST", "/api/v1/alerts", "application/jose", true, false)))
                .isFalse();
        assertThat(BrowserRequests.needCsrfToken(request("GET", "/api/v1/inbox", null, true, false))).isFalse();
        assertThat(BrowserRequests.needCsrfToken(request("POST", "/api/v1/anything", "application/json", false, true)))
                .isFalse();
        assertThat(BrowserRequests.needCsrfToken(request("POST", "/api/v1/alerts", "application/json", false, false)))
                .as("no cookie to ride on").isFalse();
    }

    @Test
    void onlyProgramsAndPageNavigationsGetTheBasicChallenge() {
        assertThat(BrowserRequests.mayChallenge(request("GET", "/api/v1/inbox", null, false, false))).isTrue();
        MockHttpServletRequest navigation = request("GET", "/api/v1/inbox", null, false, false);
        navigation.addHeader("Sec-Fetch-Mode", "navigate");
        assertThat(BrowserRequests.mayChallenge(navigation)).isTrue();
        MockHttpServletRequest script = request("GET", "/api/v1/inbox", null, false, false);
        script.addHeader("Sec-Fetch-Mode", "cors");
        assertThat(BrowserRequests.mayChallenge(script)).isFalse();
        assertThat(BrowserRequests.mayChallenge(request("GET", "/api/v1/inbox", null, true, false))).isFalse();
        assertThat(BrowserRequests.mayChallenge(request("GET", "/api/v1/session", null, false, false))).isFalse();
    }

    private static MockHttpServletRequest request(String method, String path, String contentType,
                                                  boolean sessionCookie, boolean basic) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (sessionCookie) {
            request.setRequestedSessionId("0123456789ABCDEF");
        }
        if (basic) {
            request.addHeader("Authorization", "Basic a3otYWdlbmN5OnNlY3JldA==");
        }
        return request;
    }
}
